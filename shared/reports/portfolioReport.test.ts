import { describe, expect, it } from 'vitest'
import { makeCharge, makeInput, makePortfolio, rule } from '../../test/support/analysisFixtures'
import { buildPortfolioReport } from './portfolioReport'
import { formatPortfolioReport } from './portfolioReportText'
import { reportExample } from '../../test/support/reportFixture'

describe('buildPortfolioReport', () => {
  const report = buildPortfolioReport(reportExample())

  it('reports spend, envelope, forecast, counts and metrics per portfolio', () => {
    expect(report.period).toBe('2026-Q3')
    expect(report.periodSource).toBe('current')
    const incidents = report.portfolios.find((p) => p.id === 'incidents')!
    expect(incidents).toMatchObject({
      name: 'Incident triage',
      spend: { USD: '60.00' },
      envelope: { USD: '3000' },
      forecast: { USD: '120.00' },
      runs: 1,
      charges: 1,
      metrics: {
        adoption: { runs: 1, distinctRepos: 1, distinctContributors: 1, stage: 'pilot' },
        recipeShare: { runs: 0, spend: 0, promotedRecipes: 0 },
        highCost: { count: 1, inPortfolio: 1, annotated: 1 },
      },
    })
    // i1 also matches the broader "acme/*" rule of "Refactor + tests": counted once, flagged on both sides.
    expect(incidents.lints.map((l) => l.message)).toEqual([
      'Rules overlap with "Refactor + tests" on 1 run (this portfolio won 1). Each record is counted once, for the more specific rule.',
    ])
    const web = report.portfolios.find((p) => p.id === 'web')!
    // 20.00 allocated from July's bill + 5 estimated from August's unbilled openai run.
    expect(web).toMatchObject({ spend: { USD: '25.00' }, runs: 2, charges: 1 })
    expect(web.lints.map((l) => l.code)).toEqual(['owner-is-person', 'overlapping-rules'])
    expect(report.portfolios.find((p) => p.id === 'general')!.lints.map((l) => l.code)).toEqual(['too-broad', 'no-outcome-tag', 'no-runs-this-period'])
  })

  it('sorts portfolios by name and reports Unassigned with its total', () => {
    expect(report.portfolios.map((p) => p.name)).toEqual(['General help', 'Incident triage', 'Refactor + tests'])
    expect(report.unassigned).toEqual({ runs: 1, charges: 1, spend: { USD: '20.00' }, highCost: { count: 1, annotated: 0 } })
  })

  it('includes reconciliation and the allocation explanation for the period', () => {
    expect(report.reconciliation.map(({ note: _note, ...row }) => row)).toEqual([
      { provider: 'anthropic', month: '2026-07', billed: { USD: '100' }, estimated: { USD: '50' }, matched: { USD: '50' }, unexplained: { USD: '50' }, runsWithoutBilling: 0 },
      { provider: 'openai', month: '2026-08', billed: {}, estimated: { USD: '5' }, matched: {}, unexplained: {}, runsWithoutBilling: 1 },
    ])
    expect(report.allocations).toHaveLength(1)
    expect(report.allocations[0].text).toContain('"Incident triage" $30.00 → $60.00')
  })

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it('reports another period on request, and rejects a malformed one', () => {
    const q2 = buildPortfolioReport(reportExample(), { period: '2026-Q2' })
    expect(q2.portfolios.every((p) => p.runs === 0)).toBe(true)
    expect(() => buildPortfolioReport(reportExample(), { period: 'Q2' })).toThrow(/not a period/)
  })

  it('reads as a table without --json', () => {
    const text = formatPortfolioReport(report)
    expect(text).toContain('Portfolio report 2026-Q3 (as of 2026-08-15)')
    expect(text).toMatch(/Incident triage\s+pilot\s+\$60\.00\s+\$3,000\.00\s+\$120\.00\s+1/)
    expect(text).toContain('Unassigned: 1 run, 1 charge, $20.00')
    expect(text).toContain('Refactor + tests [owner-is-person]')
  })
})

describe('outside portfolios', () => {
  const supportBot = makePortfolio({ id: 'support', name: 'Support bot', outcomeTags: [], rules: [rule('bot', 'charges', [{ field: 'apiKey', values: ['support-bot'] }])] })
  const withBotBill = (bucket: typeof supportBot) => {
    const input = reportExample()
    return buildPortfolioReport({ ...input, portfolios: [...input.portfolios, bucket], charges: [...input.charges, makeCharge({ identity: 'bot', apiKey: 'support-bot', cost: '40', start: '2026-07-03T00:00:00.000Z' })] })
  }

  it('shows spend caught by an outside bucket apart: not a portfolio, not unassigned, not allocated', () => {
    const outside = withBotBill({ ...supportBot, outside: true })
    expect(outside.outside).toMatchObject({ charges: 1, spend: { USD: '40' }, buckets: [{ id: 'support', name: 'Support bot', runs: 0, spend: { USD: '40' } }] })
    expect(outside.portfolios.map((p) => p.id)).not.toContain('support')
    expect(outside.unassigned.spend).toEqual(buildPortfolioReport(reportExample()).unassigned.spend)
    expect(outside.portfolios.find((p) => p.id === 'incidents')!.spend).toEqual({ USD: '60.00' })
    expect(formatPortfolioReport(outside)).toContain('Outside portfolios (not coding-agent work): Support bot $40.00')
  })

  it('without the outside mark the same bucket is a coding portfolio', () => {
    const inside = withBotBill(supportBot)
    expect(inside.outside.buckets).toEqual([])
    expect(inside.portfolios.map((p) => p.id)).toContain('support')
  })
})

describe('too many portfolios', () => {
  const many = (active: number, extra: Parameters<typeof makePortfolio>[0][] = []) =>
    buildPortfolioReport(makeInput({ portfolios: [...Array.from({ length: active }, (_, i) => makePortfolio({ id: `p${i}` })), ...extra.map(makePortfolio)] })).workspaceLints.map((l) => l.code)

  it('fires above 7 active portfolios', () => {
    expect(many(8)).toEqual(['too-many-portfolios'])
  })

  it('does not count retired portfolios or outside buckets', () => {
    expect(many(7, [{ id: 'old', status: 'retired' }, { id: 'bot', outside: true }])).toEqual([])
  })
})
