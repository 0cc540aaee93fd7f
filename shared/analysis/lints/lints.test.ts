import { describe, expect, it } from 'vitest'
import type { Portfolio } from '../../records/portfolio'
import type { Run } from '../../records/run'
import { portfolioBudget } from '../budgets'
import { DailySpend } from '../dailySpend'
import { dayOf } from '../dates'
import { parsePeriod } from '../periods'
import { makePortfolio, makeRun } from '../testFixtures'
import { lintPortfolio, type LintContext } from './index'
import { personLikeOwner } from './ownerIsPerson'
import { stepEntropy } from './tooBroad'

const q3 = parsePeriod('2026-Q3', 1)
const LABELS = ['logs', 'read', 'edit', 'test', 'doc', 'search', 'plan', 'review']
const healthy = makePortfolio({ id: 'p', name: 'Incident triage', rules: [] })
const someRuns = [makeRun({ id: 'r1', steps: ['logs', 'edit', 'test', 'doc'] })]

function context(overrides: Partial<LintContext> & { portfolio?: Portfolio; runs?: Run[] } = {}): LintContext {
  const portfolio = overrides.portfolio ?? healthy
  return {
    portfolio,
    period: q3,
    runs: someRuns,
    budget: portfolioBudget(portfolio, q3, { daily: new DailySpend([]), moves: [], fiscalYearStartMonth: 1, asOf: dayOf('2026-08-15') }),
    overlaps: [],
    portfolioNames: new Map([['web', 'Web work']]),
    stepVocabulary: LABELS.length,
    ...overrides,
  }
}
const codes = (ctx: LintContext) => lintPortfolio(ctx).map((lint) => lint.code)

describe('portfolio lints', () => {
  it('finds nothing wrong with a healthy portfolio', () => {
    expect(lintPortfolio(context())).toEqual([])
  })

  it('too broad: named like a catch-all', () => {
    const [lint] = lintPortfolio(context({ portfolio: { ...healthy, name: 'General coding help' } }))
    expect(lint.code).toBe('too-broad')
    expect(lint.message).toContain('catch-all')
    expect(lint.fix).toContain('Split')
  })

  it('too broad: runs spread over many unrelated step patterns', () => {
    const focused = Array.from({ length: 12 }, (_, i) => makeRun({ id: `f${i}`, steps: ['logs', 'edit', 'edit', 'test', 'doc'] }))
    const strides = [1, 3, 5, 7]
    const scattered = Array.from({ length: 12 }, (_, i) => makeRun({ id: `s${i}`, steps: LABELS.map((_, k) => LABELS[(k * strides[i % 4] + i) % 8]) }))
    expect(stepEntropy(focused, 8)).toBeCloseTo(Math.log2(3) / Math.log2(56))
    expect(stepEntropy(scattered, 8)).toBeGreaterThan(0.7)
    expect(stepEntropy(scattered.slice(0, 5), 8)).toBeNull()
    expect(codes(context({ runs: focused }))).toEqual([])
    expect(codes(context({ runs: scattered }))).toEqual(['too-broad'])
  })

  it('envelope below the forecast', () => {
    const ctx = context()
    const [lint] = lintPortfolio({ ...ctx, budget: { ...ctx.budget, forecast: { USD: '1200.00' } } })
    expect(lint.code).toBe('envelope-below-forecast')
    expect(lint.message).toBe('Forecast $1,200.00 for 2026-Q3 is above the envelope of $1,000.00.')
  })

  it('period shorter than a quarter', () => {
    const monthly = { ...healthy, envelope: { ...healthy.envelope, period: 'month' as const } }
    expect(codes(context({ portfolio: monthly }))).toEqual(['period-shorter-than-quarter'])
  })

  it('owner looks like a person', () => {
    for (const owner of ['jane@acme.com', '@jane', 'Jane Doe', 'Mary-Ann O\'Neil', '']) {
      expect(codes(context({ portfolio: { ...healthy, owningTeam: owner } }))).toEqual(['owner-is-person'])
    }
    for (const team of ['Platform team', 'Data Platform', 'SRE', 'payments-squad', 'Web Core']) expect(personLikeOwner(team)).toBeNull()
    expect(lintPortfolio(context({ portfolio: { ...healthy, owningTeam: 'Jane Doe' } }))[0].message).toContain('first and last name ("Jane Doe")')
  })

  it('no outcome tag', () => {
    expect(codes(context({ portfolio: { ...healthy, outcomeTags: [' '] } }))).toEqual(['no-outcome-tag'])
  })

  it('overlapping rules with another portfolio', () => {
    const [lint] = lintPortfolio(context({ overlaps: [{ portfolioId: 'p', otherPortfolioId: 'web', runs: 3, charges: 0, won: 2 }] }))
    expect(lint.code).toBe('overlapping-rules')
    expect(lint.message).toContain('"Web work" on 3 run(s) (this portfolio won 2)')
  })

  it('no runs this period, except for retired portfolios', () => {
    expect(codes(context({ runs: [] }))).toEqual(['no-runs-this-period'])
    expect(codes(context({ runs: [], portfolio: { ...healthy, status: 'retired' } }))).toEqual([])
  })
})
