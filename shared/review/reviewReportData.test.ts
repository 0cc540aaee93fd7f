import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze'
import { makeCharge, makeInput, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import { DEFAULT_SETTINGS } from '../workspace/defaultSettings'
import { reviewMarkdown } from './reviewMarkdown'
import { startReview } from './reviewReducer'
import { reviewReportData, reviewScope } from './reviewReportData'

const analysis = analyze(
  makeInput({
    asOf: '2026-10-05',
    settings: { ...DEFAULT_SETTINGS, highCostThresholdUSD: '20' },
    portfolios: [makePortfolio({ id: 'pf-triage', name: 'Incident triage', rules: [rule('r', 'runs', [{ field: 'repo', values: ['acme/ops'] }])] })],
    runs: [
      makeRun({ id: 'r1', repo: 'acme/ops', costUSD: '30', start: '2026-07-06T09:00:00.000Z', steps: ['logs', 'edit'] }),
      makeRun({ id: 'r2', repo: 'acme/web', costUSD: '5', start: '2026-08-08T09:00:00.000Z', provider: 'openai' }),
      makeRun({ id: 'r-old', repo: 'acme/ops', costUSD: '99', start: '2026-03-01T09:00:00.000Z' }),
    ],
    charges: [makeCharge({ provider: 'anthropic', start: '2026-07-31T00:00:00.000Z', cost: '40' })],
    annotatedRunIds: new Set(['r2']),
  }),
)

describe('the review report data', () => {
  it('covers the review period only: providers, months, gaps, unassigned spend', () => {
    const scope = reviewScope(analysis, '2026-Q3')
    expect(scope.runs.map((run) => run.id)).toEqual(['r1', 'r2'])
    const data = reviewReportData(analysis, { period: '2026-Q3' }, scope)
    const coverage = Object.fromEntries(data.coverage!.map((line) => [line.label, line.value]))
    expect(coverage).toMatchObject({
      'Agent runs': '2',
      'Billing lines': '1',
      Providers: 'anthropic, openai',
      'Months with data': '2026-07, 2026-08',
      'Provider-months with billing': '1 of 2',
      'Runs without billing imported': '1',
      'Reconciliation gaps': 'anthropic 2026-07: $10.00',
      'Unassigned spend': '$5.00 over 1 run',
    })
    expect(data.scorecards).toEqual([expect.objectContaining({ portfolioId: 'pf-triage', name: 'Incident triage', runs: 1, highCostRuns: 1, highCostAnnotated: 0 })])
    expect(data.highCostQueue!.map((run) => [run.runId, run.portfolioId])).toEqual([['r1', 'pf-triage']])
    const markdown = reviewMarkdown(startReview({ id: 'rv', period: '2026-Q3', facilitator: 'p-1', at: '2026-10-05T09:00:00.000Z' }), data)
    expect(markdown).toContain('- Providers: anthropic, openai')
    expect(markdown).toContain('| r1 | $30.00 | Incident triage | logs → edit |')
  })

  it('shows the gap and unassigned spend to the cent', () => {
    const fine = analyze(
      makeInput({
        asOf: '2026-10-05',
        runs: [makeRun({ id: 'r1', costUSD: '0.004', start: '2026-07-06T09:00:00.000Z' })],
        charges: [makeCharge({ provider: 'anthropic', start: '2026-07-06T00:00:00.000Z', cost: '1.126' })],
      }),
    )
    const coverage = Object.fromEntries(reviewReportData(fine, { period: '2026-Q3' }).coverage!.map((line) => [line.label, line.value]))
    expect(coverage['Reconciliation gaps']).toBe('anthropic 2026-07: $1.12')
    expect(coverage['Unassigned spend']).toBe('$1.13 over 1 run')
  })

  it('reads a free-form period as everything imported', () => {
    const scope = reviewScope(analysis, 'Offsite')
    expect(scope.period).toBeNull()
    expect(scope.runs).toHaveLength(3)
    expect(reviewReportData(analysis, { period: 'Offsite' }, scope).scorecards).toEqual([])
  })
})
