import { describe, expect, it } from 'vitest'
import { generateTeamRuns, shuffle, TEAM_WORKFLOWS, type GeneratedRun } from '../../test/support/generatedWorkflows'
import { mulberry32 } from '../../test/support/seededRandom'
import { explainMatches } from './explainMatch'
import { mineRecipes, type MinableRun, type MiningResult } from './mineRecipes'

function runs(prefix: string, count: number, steps: string[], costUSD = '1.00'): MinableRun[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, steps, costUSD }))
}

/** Per real workflow: its best candidate's coverage of it and the share of that candidate's runs from elsewhere. */
function scoreAgainstTruth(result: MiningResult, generated: readonly GeneratedRun[]) {
  const workflowOf = new Map(generated.map((run) => [run.id, run.workflow]))
  return TEAM_WORKFLOWS.map(({ name }) => {
    const total = generated.filter((run) => run.workflow === name).length
    const scored = result.candidates.map((candidate) => {
      const mine = candidate.runs.filter((id) => workflowOf.get(id) === name).length
      return { candidate, coverage: mine / total, impurity: 1 - mine / candidate.runs.length }
    })
    const best = scored.sort((a, b) => b.coverage - a.coverage)[0]
    return { name, coverage: best?.coverage ?? 0, impurity: best?.impurity ?? 1, steps: best?.candidate.steps }
  })
}

describe('mineRecipes on generated team sessions (4 workflows × 40 runs + 80 one-offs)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`finds each workflow as one candidate covering ≥ 80% of it at ≤ 15% impurity (seed ${seed})`, () => {
      const generated = generateTeamRuns({ seed, runsPerWorkflow: 40, oneOffs: 80 })
      const result = mineRecipes(generated)
      for (const score of scoreAgainstTruth(result, generated)) {
        expect(score.coverage, `${score.name}: ${score.steps?.join(' → ')}`).toBeGreaterThanOrEqual(0.8)
        expect(score.impurity, `${score.name}: ${score.steps?.join(' → ')}`).toBeLessThanOrEqual(0.15)
      }
      // Few candidates: one per workflow, maybe a generic loop, never a list of fragments.
      expect(result.candidates.length).toBeLessThanOrEqual(TEAM_WORKFLOWS.length + 1)
    })
  }

  // Over 30 seeds this noise costs a workflow its 80% or its purity in 5 of 120 cases (README).
  it('holds with heavier noise: more insertions, skips and subagents', () => {
    for (const seed of [1, 3, 4]) {
      const generated = generateTeamRuns({ seed, runsPerWorkflow: 40, oneOffs: 80, insertion: 0.4, skip: 0.1, subagent: 0.3 })
      for (const score of scoreAgainstTruth(mineRecipes(generated), generated)) {
        expect(score.coverage, `seed ${seed} ${score.name}`).toBeGreaterThanOrEqual(0.8)
        expect(score.impurity, `seed ${seed} ${score.name}`).toBeLessThanOrEqual(0.15)
      }
    }
  })

  it('shows a pattern only one workflow has (git → read → doc of the PR reviews) as that workflow, not as "common"', () => {
    const generated = generateTeamRuns({ seed: 3, runsPerWorkflow: 40, oneOffs: 80 })
    const result = mineRecipes(generated)
    const review = result.candidates.find((candidate) => candidate.steps.join(' ') === 'git read doc')
    expect(review).toBeDefined()
    expect(review!.kind).toBe('workflow')
  })

  it('groups runs on a more expensive model under the recipe as a variant, with the cost difference', () => {
    const generated = generateTeamRuns({ seed: 4, runsPerWorkflow: 40, oneOffs: 80, expensiveStep: 0.3 })
    const result = mineRecipes(generated)
    const modelVariants = result.candidates.flatMap((candidate) => candidate.variants.filter((variant) => variant.kind === 'model'))
    expect(modelVariants.length).toBeGreaterThan(0)
    for (const variant of modelVariants) {
      expect(variant.models.every((m) => m.model === 'claude-opus-4-1')).toBe(true)
      // The generator triples the cost of a run with an expensive step.
      expect(Number(variant.medianCostDifferenceUSD)).toBeGreaterThan(0)
    }
  })

  it('lists a subagent in the middle or a skipped step as a variant of the workflow, not as another candidate', () => {
    const generated = generateTeamRuns({ seed: 5, runsPerWorkflow: 40, oneOffs: 80, subagent: 0.3 })
    const result = mineRecipes(generated)
    const withSubagent = result.candidates.flatMap((candidate) => candidate.variants).filter((variant) => variant.added.includes('subagent'))
    expect(withSubagent.length).toBeGreaterThan(0)
    expect(result.candidates.some((candidate) => candidate.steps.includes('subagent'))).toBe(false)
  })

  it('gives the same result whatever order the runs arrive in', () => {
    const generated = generateTeamRuns({ seed: 8, runsPerWorkflow: 40, oneOffs: 80 })
    const random = mulberry32(99)
    const expected = mineRecipes(generated)
    expect(mineRecipes(shuffle(generated, random))).toEqual(expected)
    expect(mineRecipes(shuffle(generated, random))).toEqual(expected)
  })
})

describe('mineRecipes', () => {
  it('keeps a workflow made only of steps every run has (an edit/test loop) as generic, after the workflows', () => {
    const result = mineRecipes([
      ...runs('r', 5, ['search', 'read', 'edit', 'test', 'edit', 'test', 'git']),
      ...runs('t', 5, ['logs', 'read', 'edit', 'test', 'doc']),
      ...runs('e', 5, ['edit', 'test', 'edit', 'test']),
    ])
    expect(result.candidates.map((c) => [c.kind, c.steps.join(' ')])).toEqual([
      ['workflow', 'logs read edit test doc'],
      ['workflow', 'search read edit test git'],
      ['generic', 'edit test'],
    ])
    expect(result.candidates[0].runs).toEqual(['t-000', 't-001', 't-002', 't-003', 't-004'])
    expect(result.unmatchedRuns).toBe(0)
  })

  it('sums costs exactly and ranks by support × cost share', () => {
    const result = mineRecipes([...runs('a', 4, ['logs', 'edit', 'doc'], '0.1'), ...runs('b', 4, ['plan', 'edit', 'git'], '0.2'), ...runs('c', 2, ['web'], '5')])
    expect(result.candidates.map((c) => [c.steps.join(' '), c.costUSD.total])).toEqual([
      ['plan edit git', '0.8'],
      ['logs edit doc', '0.4'],
    ])
    expect(result.candidates[0].costUSD).toEqual({ median: '0.2', p90: '0.2', total: '0.8' })
  })

  it('needs the least number and share of runs', () => {
    const sample = [...runs('a', 3, ['logs', 'edit', 'doc']), ...runs('b', 2, ['plan', 'edit', 'git'])]
    expect(mineRecipes(sample).candidates.map((c) => c.support)).toEqual([3])
    expect(mineRecipes(sample, { minSupportRuns: 2 }).candidates.map((c) => c.support)).toEqual([3, 2])
    expect(mineRecipes(sample, { minSupportRuns: 2, minSupportShare: 0.5 }).candidates.map((c) => c.support)).toEqual([3])
  })

  it('counts outcome notes and portfolios of the candidate runs', () => {
    const result = mineRecipes(runs('a', 4, ['logs', 'edit', 'doc']), {
      isAnnotated: (id) => id.endsWith('1'),
      portfolioOf: (id) => (id.endsWith('3') ? null : 'pf-incidents'),
    })
    expect(result.candidates[0]).toMatchObject({ annotatedRuns: 1, portfolios: [{ portfolioId: 'pf-incidents', runs: 3 }, { portfolioId: null, runs: 1 }] })
  })

  it('handles no runs and runs without steps', () => {
    expect(mineRecipes([])).toEqual({ totalRuns: 0, minSupport: 3, candidates: [], unmatchedRuns: 0 })
    expect(mineRecipes(runs('x', 5, [])).candidates).toEqual([])
  })
})

describe('explainMatches', () => {
  it('says which step of each run matched which recipe step, and which it skipped', () => {
    const recipe = { steps: ['logs', 'read', 'edit', 'doc'], runs: ['a', 'b'] }
    const matches = explainMatches(recipe, [
      { id: 'b', steps: ['logs', 'search', 'read', 'edit', 'test', 'edit', 'doc'] },
      { id: 'a', steps: ['logs', 'edit', 'doc'] },
      { id: 'c', steps: ['logs', 'read', 'edit', 'doc'] },
    ])
    expect(matches).toEqual([
      { runId: 'a', indexes: [0, null, 1, 2] },
      { runId: 'b', indexes: [0, 2, 3, 6] },
    ])
  })

  it('explains every run of a mined candidate, with all recipe steps matched for its exact runs', () => {
    const generated = generateTeamRuns({ seed: 2, runsPerWorkflow: 40, oneOffs: 80 })
    const candidate = mineRecipes(generated).candidates[0]
    const matches = explainMatches(candidate, generated)
    expect(matches.map((m) => m.runId)).toEqual(candidate.runs)
    expect(matches.filter((m) => m.indexes.every((i) => i !== null)).length).toBeGreaterThanOrEqual(candidate.exactRuns)
  })
})
