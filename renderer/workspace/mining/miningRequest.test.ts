import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mineRecipes, type MinableRun } from '../../../shared/mining'
import { generateTeamRuns } from '../../../test/support/generatedWorkflows'
import { MiningRequestPacker, mineWithRequest, packMiningRequest, unpackRuns } from './miningRequest'

const run = fc.record(
  {
    id: fc.string({ maxLength: 6 }),
    steps: fc.array(fc.constantFrom('read', 'edit', 'test', '', '__proto__'), { maxLength: 8 }),
    costUSD: fc.constantFrom('0', '1.5', '-0.25'),
    models: fc.option(fc.array(fc.option(fc.constantFrom('claude-sonnet-4-5', 'gpt-5'), { nil: null }), { maxLength: 8 }), { nil: undefined }),
  },
  { requiredKeys: ['id', 'steps', 'costUSD'] },
)

describe('the mining request', () => {
  it('unpacks to the runs it was packed from, steps, models and costs (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(run, { selector: (r) => r.id, maxLength: 40 }), (generated) => {
        const runs: MinableRun[] = generated.map(({ models, ...rest }) => (models === undefined ? rest : { ...rest, stepModels: rest.steps.map((_, i) => models[i] ?? null) }))
        const { request, transfer } = packMiningRequest({ runs, isAnnotated: () => false, portfolioOf: () => null }, 2)
        expect(unpackRuns(request)).toEqual(runs)
        expect(transfer.every((buffer) => buffer instanceof ArrayBuffer)).toBe(true)
      }),
    )
  })

  it('packs the same request in slices as at once, and refuses to finish early', () => {
    const runs = generateTeamRuns({ seed: 9, runsPerWorkflow: 10, oneOffs: 15 })
    const scope = { runs, isAnnotated: (id: string) => id.endsWith('7'), portfolioOf: (id: string) => (id.endsWith('5') ? 'pf' : null) }
    const packer = new MiningRequestPacker(scope, 2)
    expect(packer.pack(7)).toBe(false)
    expect(() => packer.finish()).toThrow(/packed up to run 7 of 55/)
    while (!packer.pack(7));
    expect(packer.finish().request).toEqual(packMiningRequest(scope, 2).request)
  })

  it('mines in the worker what mineRecipes finds with the view’s notes and portfolios', () => {
    const runs = generateTeamRuns({ seed: 5, runsPerWorkflow: 40, oneOffs: 80 }).map(({ workflow: _workflow, ...run }, i) => (i % 7 === 0 ? { id: run.id, steps: run.steps, costUSD: run.costUSD } : run))
    const isAnnotated = (id: string) => id.endsWith('3')
    const portfolioOf = (id: string) => (id.endsWith('1') ? 'pf-a' : id.endsWith('2') ? 'pf-b' : null)
    const { request } = packMiningRequest({ runs, isAnnotated, portfolioOf }, 3)
    const mined = mineWithRequest(structuredClone(request))
    expect(mined).toEqual(mineRecipes(runs, { minSupportRuns: 3, isAnnotated, portfolioOf }))
    expect(mined.candidates.some((candidate) => candidate.annotatedRuns > 0 && candidate.portfolios.length > 1)).toBe(true)
  })
})
