import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/analyze'
import { makeIncident, makePullRequest, outcomeInput } from '../../test/support/outcomeFixtures'
import { makeInput, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import { reviewMarkdown } from './reviewMarkdown'
import { reviewReportData } from './reviewReportData'
import { startReview } from './reviewReducer'

const review = startReview({ id: 'rv', period: '2026-Q3', facilitator: 'ana', at: '2026-09-30T09:00:00.000Z' })
const portfolio = makePortfolio({ id: 'ui', name: 'UI refactors', rules: [rule('r', 'runs', [{ field: 'repo', values: ['harbor-ui'] }])] })

describe('the exported review shows outcomes', () => {
  it('adds an Outcomes table with merged PRs, cost per merged PR and incidents beside last period', () => {
    const runs = [
      makeRun({ id: 'a', repo: 'harbor-ui', branch: 'feat/x', start: '2026-07-09T00:00:00.000Z', costUSD: '4.50', costByMonth: { '2026-07': '4.50' } }),
      makeRun({ id: 'b', repo: 'harbor-ui', branch: 'fix/INC-7', start: '2026-07-10T10:00:00.000Z', costUSD: '1', costByMonth: { '2026-07': '1' } }),
    ]
    const analysis = analyze(makeInput({ portfolios: [portfolio], runs, asOf: '2026-09-30', outcomes: outcomeInput({ pullRequests: [makePullRequest({ number: 7 })], incidents: [makeIncident({ ref: 'INC-7' })] }) }))
    const markdown = reviewMarkdown(review, reviewReportData(analysis, review))
    expect(markdown).toContain('## Outcomes')
    expect(markdown).toContain('| UI refactors | 1 (2026-Q2: 0) | $4.50 / $4.50 (2026-Q2: —) | 1 (2026-Q2: 0) | 6 h vs — |')
  })

  it('leaves the table out when no portfolio reached an outcome', () => {
    const analysis = analyze(makeInput({ portfolios: [portfolio], runs: [], asOf: '2026-09-30', outcomes: outcomeInput() }))
    const data = reviewReportData(analysis, review)
    expect(data.scorecards![0].outcomes).not.toBeNull()
    const markdown = reviewMarkdown(review, data)
    expect(markdown).not.toContain('## Outcomes')
  })
})
