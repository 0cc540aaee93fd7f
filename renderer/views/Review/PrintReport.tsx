import { useMemo, useState } from 'react'
import type { Review } from '../../../shared/records/review'
import { REVIEW_STAGE_TITLES, VOTING_STAGES, voteTally } from '../../../shared/review'
import { routeHref } from '../../navigation/routes'
import { useBridge } from '../../workspace/WorkspaceContext'
import { Amounts, Money } from '../../components/Money'
import { LocalTime } from '../../components/LocalTime'
import { SpendChart, VotesChart } from './ReportCharts'
import { CoverageList } from './CoverageList'
import { OutcomeReportTable } from './OutcomeReportTable'
import { exportFileName } from './ReviewExport'
import { NotesAndCandidates } from './NotesAndCandidates'
import { DECISION_LABELS } from './stages/DecisionsStage'
import { fullReport, useReviewScope } from './useReviewScope'
import { plural } from '../../../shared/text/plural'

/**
 * The review as a printable report with its charts (`#/review/<id>/print`): Print in the
 * browser, Save as PDF in the desktop app (Electron's printToPDF through the Bridge).
 */
export function PrintReport({ review }: { review: Review }) {
  const bridge = useBridge()
  const data = useReviewScope(review)
  const { names } = data
  // With the candidates: a closed review's as kept, mined now for one in progress.
  const report = useMemo(() => fullReport(review, data), [review, data])
  const [status, setStatus] = useState<string | null>(null)
  const name = (id: string) => names[id] ?? id

  const savePdf = async () => {
    if (!bridge.printToPdf) return
    try {
      const result = await bridge.printToPdf(exportFileName(review, 'pdf'))
      setStatus(result.saved ? `Saved ${result.path ?? 'the PDF'}` : 'Not saved')
    } catch (error) {
      setStatus(`Could not make the PDF: ${(error as Error).message}`)
    }
  }

  return (
    <article className="view review-report" data-testid="review-report">
      <div className="print-actions" role="group" aria-label="Report actions">
        <a className="button" href={routeHref('review', review.id)}>
          Back to the review
        </a>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        {bridge.printToPdf && (
          <button type="button" onClick={savePdf}>
            Save as PDF
          </button>
        )}
        {status && <span role="status" className="muted">{status}</span>}
      </div>
      <header>
        <h1>Quarterly review {review.period.replace('-', ' ')}</h1>
        <p className="muted">
          {review.status === 'closed' ? 'Closed' : `${review.status === 'paused' ? 'Paused' : 'In progress'} at ${REVIEW_STAGE_TITLES[review.stage]}`} · started{' '}
          <LocalTime iso={review.startedAt} />
          {review.closedAt && (
            <>
              {' '}· closed <LocalTime iso={review.closedAt} />
            </>
          )}{' '}
          · {plural((review.participants ?? [review.facilitator]).length, 'participant')}
        </p>
      </header>

      <section>
        <h2>Data coverage</h2>
        <CoverageList lines={report.coverage} />
      </section>

      <section>
        <h2>Portfolio scorecards</h2>
        {report.scorecards?.length ? (
          <>
            <SpendChart scorecards={report.scorecards} />
            <table className="review-table">
              <thead>
                <tr>
                  <th scope="col">Portfolio</th>
                  <th scope="col" className="numeric">Spent</th>
                  <th scope="col" className="numeric">Envelope</th>
                  <th scope="col" className="numeric">Runs</th>
                  <th scope="col" className="numeric">High-cost runs with a note</th>
                </tr>
              </thead>
              <tbody>
                {report.scorecards.map((card) => (
                  <tr key={card.portfolioId}>
                    <td>{card.name}</td>
                    <td className="numeric"><Amounts amounts={card.spent} /></td>
                    <td className="numeric"><Amounts amounts={card.envelope} /></td>
                    <td className="numeric">{card.runs}</td>
                    <td className="numeric">{card.highCostRuns === 0 ? '—' : `${card.highCostAnnotated} of ${card.highCostRuns}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">No portfolios in this period.</p>
        )}
      </section>

      <OutcomeReportTable scorecards={report.scorecards ?? []} />

      <section>
        <h2>High-cost runs without an outcome note</h2>
        {report.highCostQueue?.length ? (
          <table className="review-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col" className="numeric">Cost</th>
                <th scope="col">Portfolio</th>
                <th scope="col">Steps</th>
              </tr>
            </thead>
            <tbody>
              {report.highCostQueue.map((run) => (
                <tr key={run.runId}>
                  <td>{run.runId.slice(0, 12)}</td>
                  <td className="numeric"><Money amount={run.costUSD} currency="USD" /></td>
                  <td>{run.portfolioId ? name(run.portfolioId) : 'Unassigned'}</td>
                  <td>{run.steps.join(' → ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">None: every high-cost run carries an outcome note.</p>
        )}
      </section>

      <NotesAndCandidates review={review} notes={report.highCostNotes} candidates={report.candidates} names={names} />

      <section>
        <h2>Recipe decisions</h2>
        {review.recipeDecisions.length ? (
          <ul>
            {review.recipeDecisions.map((d) => (
              <li key={d.candidateKey}>
                <strong>{d.action}</strong> {d.steps.join(' → ')}
                {d.recipeId && ` as “${name(d.recipeId)}”`}
                {d.reason && ` — ${d.reason}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>

      <section>
        <h2>Portfolio decisions</h2>
        {review.decisions.length ? (
          <ul>
            {review.decisions.map((d) => (
              <li key={d.portfolioId}>
                <strong>{name(d.portfolioId)}</strong>: {DECISION_LABELS[d.decision]}
                {d.nextEnvelope && (
                  <>
                    , next envelope <Money amount={d.nextEnvelope.amount} currency={d.nextEnvelope.currency} />
                  </>
                )}
                {d.note && ` — ${d.note}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>

      <section>
        <h2>What matters most</h2>
        {VOTING_STAGES.map((stage) => {
          const tally = voteTally(review, stage)
          return (
            <div key={stage}>
              <h3>Votes at {REVIEW_STAGE_TITLES[stage]}</h3>
              {tally.length ? <VotesChart stage={stage} tally={tally} names={names} /> : <p className="muted">No votes cast.</p>}
            </div>
          )
        })}
      </section>

      {review.notes.trim() && (
        <section>
          <h2>Notes</h2>
          <p className="review-report-notes">{review.notes}</p>
        </section>
      )}
    </article>
  )
}
