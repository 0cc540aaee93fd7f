import { describe, expect, it } from 'vitest'
import type { Portfolio, PortfolioChange } from '../../records/portfolio'
import type { Run } from '../../records/run'
import { portfolioBudget } from '../budgets'
import { DailySpend } from '../dailySpend'
import { dayOf } from '../dates'
import { parsePeriod } from '../periods'
import { makePortfolio, makeRun, rule } from '../../../test/support/analysisFixtures'
import { lintPortfolio, type LintContext } from './index'
import { personLikeOwner } from './ownerIsPerson'
import { stepEntropy } from './tooBroad'
import { WorkflowIndex } from '../workflowIndex'

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
    changes: [],
    fiscalYearStartMonth: 1,
    workflowMix: () => new WorkflowIndex(overrides.runs ?? someRuns).mixOf(overrides.runs ?? someRuns),
    contributors: 1,
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
    for (const owner of ["Alice's squad", 'Alice', 'jdoe42', 'j.doe']) expect(personLikeOwner(owner)).not.toBeNull()
    for (const team of ['Platform team', 'Data Platform', 'SRE', 'payments-squad', 'Web Core', 'Payments', 'Growth', 'Checkout']) expect(personLikeOwner(team)).toBeNull()
    expect(lintPortfolio(context({ portfolio: { ...healthy, owningTeam: 'Jane Doe' } }))[0].message).toContain('first and last name ("Jane Doe")')
  })

  it('no outcome tag', () => {
    expect(codes(context({ portfolio: { ...healthy, outcomeTags: [' '] } }))).toEqual(['no-outcome-tag'])
  })

  it('overlapping rules with another portfolio', () => {
    const [lint] = lintPortfolio(context({ overlaps: [{ portfolioId: 'p', otherPortfolioId: 'web', runs: 3, charges: 0, won: 2 }] }))
    expect(lint.code).toBe('overlapping-rules')
    expect(lint.message).toContain('"Web work" on 3 runs (this portfolio won 2)')
  })

  it('no runs this period, except for retired portfolios', () => {
    expect(codes(context({ runs: [] }))).toEqual(['no-runs-this-period'])
    expect(codes(context({ runs: [], portfolio: { ...healthy, status: 'retired' } }))).toEqual([])
  })
})

describe('unstable definitions', () => {
  const change = (at: string, fields: Record<string, unknown>, created = false): PortfolioChange => ({
    id: at, portfolioId: 'p', at, by: 'p-alpha', effectiveFrom: null, before: {}, after: fields, ...(created ? { created } : {}),
  })
  const envelope = { amount: '1', currency: 'USD', period: 'quarter', rollover: false }

  it('fires when rules or the envelope change more than twice within the period', () => {
    const changes = ['2026-07-02', '2026-08-03', '2026-09-04'].map((day, i) => change(`${day}T10:00:00.000Z`, i % 2 ? { rules: [] } : { envelope }))
    expect(codes(context({ changes }))).toEqual(['unstable-definition'])
    expect(lintPortfolio(context({ changes }))[0].message).toContain('changed 3 times in 2026-Q3')
  })

  it('fires when renamed or re-scoped in each of the last three quarters', () => {
    const changes = [change('2026-01-10T00:00:00.000Z', { name: 'a' }), change('2026-04-10T00:00:00.000Z', { rules: [] }), change('2026-07-10T00:00:00.000Z', { name: 'b' })]
    expect(codes(context({ changes }))).toEqual(['unstable-definition'])
  })

  it('stays quiet for a settled definition: two tweaks in a period, a quarter without a re-scope, or only the creation', () => {
    expect(codes(context({ changes: [change('2026-07-02T00:00:00.000Z', { envelope }), change('2026-08-02T00:00:00.000Z', { rules: [] })] }))).toEqual([])
    expect(codes(context({ changes: [change('2026-01-10T00:00:00.000Z', { name: 'a' }), change('2026-07-10T00:00:00.000Z', { name: 'b' })] }))).toEqual([])
    expect(codes(context({ changes: [change('2026-07-02T00:00:00.000Z', { rules: [], envelope }, true), change('2026-07-03T00:00:00.000Z', { description: 'x' })] }))).toEqual([])
  })
})

/** Generated runs: four distinct workflows (20 runs each, some noise) and 40 one-offs. */
function generatedRuns(): Run[] {
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const labels = ['logs', 'read', 'edit', 'test', 'doc', 'search', 'plan', 'review', 'lint', 'deploy', 'shell', 'web']
  const pick = () => labels[Math.floor(random() * labels.length)]
  const workflows = [['logs', 'read', 'edit', 'test', 'doc'], ['plan', 'edit', 'test', 'review'], ['search', 'read', 'doc'], ['lint', 'edit', 'deploy', 'shell']]
  const noisy = (steps: string[]) => steps.flatMap((step) => (random() < 0.15 ? [step, pick()] : [step]))
  return [
    ...workflows.flatMap((steps, k) => Array.from({ length: 20 }, (_, i) => makeRun({ id: `w${k}-${i}`, steps: noisy(steps) }))),
    ...Array.from({ length: 40 }, (_, i) => makeRun({ id: `one-off-${i}`, steps: Array.from({ length: 2 + Math.floor(random() * 5) }, pick) })),
  ]
}

describe('too broad, judged by content', () => {
  const all = generatedRuns()
  const index = new WorkflowIndex(all)
  const lintsOf = (runs: Run[]) => lintPortfolio(context({ runs, stepVocabulary: 1000, workflowMix: () => index.mixOf(runs) }))

  it('fires for a catch-all over every run, whatever it is called', () => {
    const [lint] = lintsOf(all)
    expect(lint.code).toBe('too-broad')
    expect(lint.message).toMatch(/follow 4 distinct recurring workflows, and 3\d% are one-offs/)
  })

  it('stays quiet for a single-workflow portfolio, and for two workflows bundled on purpose', () => {
    expect(lintsOf(all.filter((run) => run.id.startsWith('w0-')))).toEqual([])
    expect(lintsOf(all.filter((run) => run.id.startsWith('w0-') || run.id.startsWith('w1-')))).toEqual([])
  })
})

describe('personal quota', () => {
  const runsBy = (actors: string[]) => actors.map((actor, i) => makeRun({ id: `q${i}`, actor, steps: ['logs', 'edit', 'test', 'doc'] }))

  it('fires when one contributor has most runs, and never names them', () => {
    const runs = runsBy([...Array(21).fill('actor-ana'), 'actor-ben', 'actor-cy', 'actor-dee', 'actor-eve'])
    const [lint] = lintPortfolio(context({ runs, contributors: 5 }))
    expect(lint).toMatchObject({ code: 'personal-quota', message: 'One contributor accounts for 84% of its runs in 2026-Q3: it works as a personal quota.' })
    expect(JSON.stringify(lint)).not.toContain('actor-ana')
  })

  it('fires on spend too, and for a charge rule on an API key named after a person', () => {
    const runs = runsBy(['a', 'b', 'c', 'd', 'e']).map((run, i) => ({ ...run, costUSD: i === 0 ? '96' : '1' }))
    expect(lintPortfolio(context({ runs, contributors: 5 }))[0].message).toContain('96% of its spend')
    const keyed = { ...healthy, rules: [rule('k', 'charges', [{ field: 'apiKey', values: ['alice-laptop'] }])] }
    expect(codes(context({ portfolio: keyed }))).toEqual(['personal-quota'])
  })

  it('stays quiet when the work is shared, in a team of one or two, or for a service key', () => {
    expect(codes(context({ runs: runsBy(['a', 'b', 'c', 'a', 'b', 'c']), contributors: 5 }))).toEqual([])
    expect(codes(context({ runs: runsBy(Array(8).fill('a')), contributors: 2 }))).toEqual([])
    const service = { ...healthy, rules: [rule('k', 'charges', [{ field: 'apiKey', values: ['support-bot', 'nightly-evals'] }])] }
    expect(codes(context({ portfolio: service }))).toEqual([])
  })
})
