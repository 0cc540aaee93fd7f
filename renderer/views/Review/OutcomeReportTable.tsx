import { OUTCOME_REPORT_HEADERS, outcomeReportRows } from '../../../shared/review/outcomeReportRows'
import type { ScorecardSummary } from '../../../shared/review/reviewMarkdown'

/** The printable report's outcomes table: the same rows as the Markdown export. */
export function OutcomeReportTable({ scorecards }: { scorecards: readonly ScorecardSummary[] }) {
  const rows = outcomeReportRows(scorecards)
  if (rows.length === 0) return null
  return (
    <section>
      <h2>Outcomes</h2>
      <table className="review-table" data-testid="report-outcomes">
        <thead>
          <tr>
            {OUTCOME_REPORT_HEADERS.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>{row.mergedPullRequests}</td>
              <td>{row.costPerMergedPullRequest}</td>
              <td>{row.incidentsWorked}</td>
              <td>{row.timeToResolve}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
