import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../../workspace/governance'
import { chargeKey } from '../input'
import { makeCharge, makePortfolio, makeRun, rule } from '../../../test/support/analysisFixtures'
import { assignRecords } from './assign'
import { previewRule, withDraftRule } from './preview'

const web = makePortfolio({ id: 'web', name: 'Web work', rules: [rule('web-repo', 'runs', [{ field: 'repo', values: ['acme/*'] }])] })
const incidents = makePortfolio({ id: 'incidents', name: 'Incident triage', rules: [] })
const runs = [
  makeRun({ id: 'r1', steps: ['logs', 'edit', 'test'], costUSD: '2.50' }),
  makeRun({ id: 'r2', steps: ['logs', 'edit'], costUSD: '1.25' }),
  makeRun({ id: 'r3', repo: 'globex/app', steps: ['logs', 'edit', 'test', 'doc'], costUSD: '4' }),
]
const charges = [makeCharge({ project: 'incident-bot', cost: '7.5' }), makeCharge({ project: 'web', cost: '3' })]
const input = { portfolios: [web, incidents], runs, charges, recipes: [] }

describe('previewRule', () => {
  it('lists matches and totals before saving', () => {
    const draft = rule('draft', 'runs', [{ field: 'sequence', values: ['logs', 'edit', 'test'] }])
    const preview = previewRule(input, 'incidents', draft)
    expect(preview.matchedRunIds).toEqual(['r1', 'r3'])
    // 1 + 3 = 4 beats repo acme/* (2): it wins both.
    expect(preview.assignedRunIds).toEqual(['r1', 'r3'])
    expect(preview.runCostUSD).toBe('6.50')
    expect(preview.specificity).toBe('4 = sequence of 3 steps (4)')
  })

  it('shows what a more specific rule keeps', () => {
    const draft = rule('draft', 'runs', [{ field: 'step', values: ['logs'] }])
    const specific = makePortfolio({ ...web, rules: [rule('web-exact', 'runs', [{ field: 'repo', values: ['acme/web'] }])] })
    const preview = previewRule({ ...input, portfolios: [specific, incidents] }, 'incidents', draft)
    expect(preview.matchedRunIds).toEqual(['r1', 'r2', 'r3'])
    expect(preview.assignedRunIds).toEqual(['r3'])
    expect(preview.lostTo).toEqual([{ portfolioId: 'web', portfolioName: 'Web work', ruleId: 'web-exact', runs: 2, charges: 0 }])
  })

  it('equals the result after saving, for runs and charges', () => {
    const drafts = [
      rule('d1', 'runs', [{ field: 'sequence', values: ['logs', 'edit'] }]),
      rule('d2', 'runs', [{ field: 'repo', values: ['*'] }, { field: 'step', values: ['doc'] }], 'any'),
      rule('d3', 'charges', [{ field: 'project', values: ['incident-*'] }]),
    ]
    for (const draft of drafts) {
      const preview = previewRule(input, 'incidents', draft)
      const saved = assignRecords({ ...input, portfolios: withDraftRule(input.portfolios, 'incidents', draft) })
      const wonRuns = runs.filter((r) => saved.runs.get(r.id)!.winner?.rule.id === draft.id).map((r) => r.id)
      const wonCharges = charges.map(chargeKey).filter((key) => saved.charges.get(key)!.winner?.rule.id === draft.id)
      expect(preview.assignedRunIds).toEqual(wonRuns)
      expect(preview.assignedChargeKeys).toEqual(wonCharges)
    }
    expect(previewRule(input, 'incidents', drafts[2]).chargeTotals).toEqual({ USD: '7.5' })
  })

  it('equals the result after saving the rule in the governance document', () => {
    const governance = new Governance(new Y.Doc())
    for (const portfolio of input.portfolios) governance.portfolios.put(portfolio)
    const draft = rule('d1', 'runs', [{ field: 'sequence', values: ['logs', 'edit', 'test'] }])
    const preview = previewRule({ ...input, portfolios: governance.portfolios.list().records }, 'incidents', draft)
    governance.portfolios.update('incidents', { rules: [...governance.portfolios.get('incidents')!.rules, draft] })
    const saved = assignRecords({ ...input, portfolios: governance.portfolios.list().records })
    expect(preview.assignedRunIds).toEqual(runs.filter((r) => saved.runs.get(r.id)!.winner?.rule.id === 'd1').map((r) => r.id))
    expect(preview.assignedRunIds).toEqual(['r1', 'r3'])
  })

  it('replaces a saved rule with the same id instead of adding a twin', () => {
    const edited = rule('web-repo', 'runs', [{ field: 'repo', values: ['globex/*'] }])
    const preview = previewRule(input, 'web', edited)
    expect(preview.assignedRunIds).toEqual(['r3'])
  })
})
