import { describe, expect, it } from 'vitest'
import { makePortfolio, rule } from '../../test/support/analysisFixtures'
import type { PortfolioDecision, Review } from '../records/review'
import { periodAfterReview, planDecisions } from './decisionPlan'
import { startReview } from './reviewReducer'

const AT = '2026-10-05T09:00:00.000Z'
const envelope = (amount: string) => ({ amount, currency: 'USD', period: 'quarter' as const, rollover: false })
const runsRule = (id: string, repo: string) => rule(id, 'runs', [{ field: 'repo', values: [repo] }])
const triage = makePortfolio({ id: 'triage', name: 'Incident triage', envelope: envelope('150'), rules: [runsRule('t1', 'acme/ops')] })
const web = makePortfolio({ id: 'web', name: 'Web work', envelope: envelope('200'), rules: [runsRule('w1', 'acme/web'), runsRule('w2', 'acme/api'), runsRule('t1', 'acme/site')] })
const portfolios = [triage, web]

function reviewWith(...decisions: PortfolioDecision[]): Review {
  return { ...startReview({ id: 'rv', period: '2026-Q3', facilitator: 'ana', at: AT }), decisions }
}
const decide = (portfolioId: string, decision: PortfolioDecision['decision'], extra: Partial<PortfolioDecision> = {}): PortfolioDecision => ({
  portfolioId, decision, nextEnvelope: null, note: '', ...extra,
})
const plan = (...decisions: PortfolioDecision[]) => planDecisions(reviewWith(...decisions), portfolios, 1, AT)

describe('planDecisions', () => {
  it('takes effect from the period after the review', () => {
    expect(periodAfterReview({ period: '2026-Q4' }, AT, 1)).toBe('2027-Q1')
    expect(periodAfterReview({ period: 'Q3 offsite' }, AT, 1)).toBe('2027-Q1')
    expect(plan()).toEqual({ ok: true, effectiveFrom: '2026-Q4', changes: [] })
  })

  it('grow and shrink set the new envelope; keep changes nothing without a new amount', () => {
    const result = plan(decide('triage', 'grow', { nextEnvelope: { amount: '260', currency: 'USD' } }), decide('web', 'keep'))
    expect(result.ok && result.changes).toEqual([
      expect.objectContaining({ portfolioId: 'triage', decision: 'grow', patch: { envelope: envelope('260') }, summary: ['Envelope $150.00 → $260.00 per quarter'] }),
    ])
    const shrink = plan(decide('web', 'shrink', { nextEnvelope: { amount: '50', currency: 'USD' } }))
    expect(shrink.ok && shrink.changes[0].patch).toEqual({ envelope: envelope('50') })
    expect(plan(decide('web', 'grow'))).toEqual({ ok: false, problems: ['"Web work": say the new envelope it should grow to.'] })
  })

  it('moves a stage forward, and retires', () => {
    const result = plan(decide('triage', 'keep', { nextStatus: 'scaling' }), decide('web', 'retire'))
    expect(result.ok && result.changes.map((c) => [c.portfolioId, c.patch])).toEqual([
      ['triage', { status: 'scaling' }],
      ['web', { status: 'retired' }],
    ])
  })

  it('a merge retires the portfolio and gives its rules (renamed on a clash) and envelope to the target', () => {
    const result = plan(decide('web', 'merge', { mergeInto: 'triage' }))
    expect(result.ok && result.changes.map((c) => [c.portfolioId, c.patch])).toEqual([
      ['web', { status: 'retired', rules: [] }],
      ['triage', { rules: [triage.rules[0], web.rules[0], web.rules[1], { ...web.rules[2], id: 't1-from-web' }], envelope: envelope('350') }],
    ])
    expect(result.ok && result.changes[1].summary[0]).toBe('Takes over 3 rules from "Web work"')
    expect(plan(decide('web', 'merge'))).toEqual({ ok: false, problems: ['"Web work": choose the portfolio it merges into.'] })
  })

  it('a merge target keeps the envelope decided for the merged portfolio, planned after its own decision', () => {
    const result = plan(decide('web', 'merge', { mergeInto: 'triage', nextEnvelope: { amount: '300', currency: 'USD' } }), decide('triage', 'keep', { nextStatus: 'scaling' }))
    expect(result.ok && result.changes.map((c) => [c.portfolioId, c.patch.status ?? null, c.patch.envelope?.amount ?? null])).toEqual([
      ['triage', 'scaling', null],
      ['web', 'retired', null],
      ['triage', null, '300'],
    ])
  })

  it('a split creates the new portfolios with their share of the rules', () => {
    const result = plan(decide('web', 'split', { nextEnvelope: { amount: '120', currency: 'USD' }, splitInto: [{ name: 'API refactors', ruleIds: ['w2'], amount: '80' }] }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [source, part] = result.changes
    expect(source).toMatchObject({ portfolioId: 'web', patch: { envelope: envelope('120'), rules: [web.rules[0], web.rules[2]] } })
    expect(part.create).toMatchObject({ id: 'web-api-refactors', name: 'API refactors', status: 'pilot', envelope: envelope('80'), rules: [web.rules[1]], owningTeam: web.owningTeam })
    expect(part.decidedOn).toBe('web')
    expect(source.summary.at(-1)).toBe('Split: 1 rule moves to 1 new portfolio')
    expect(part.summary).toEqual(['New portfolio "API refactors" (pilot) with 1 rule and $80.00 per quarter'])
  })

  it('refuses a split of rules the portfolio does not have, or of one rule twice', () => {
    const twice = plan(decide('web', 'split', { splitInto: [{ name: 'A', ruleIds: ['w1'], amount: '1' }, { name: 'B', ruleIds: ['w1', 'x'], amount: '1' }] }))
    expect(twice).toEqual({ ok: false, problems: ['"Web work" has no rule "x" to move.', '"Web work": each rule moves to one new portfolio only.'] })
  })

  it('refuses a decision on a portfolio that was deleted since', () => {
    expect(plan(decide('gone', 'keep'))).toEqual({ ok: false, problems: ['The portfolio "gone" no longer exists; withdraw its decision.'] })
  })
})
