import type { KeyboardEvent } from 'react'
import type { Assignment } from '../../../shared/analysis/rules/assign'
import { agentToolName } from '../../../shared/importers/logs/agentTools'
import { formatMoney } from '../../../shared/money/format'
import { AnnotationEditor } from '../../components/annotations/AnnotationEditor'
import { EmptyState } from '../../components/EmptyState'
import { routeHref } from '../../navigation/routes'
import { navigate } from '../../navigation/useRoute'
import { ModelUsageTable } from './ModelUsageTable'
import { formatDuration, formatRunTime, formatTokens, type RunRow } from './runRows'

interface Props {
  row: RunRow | undefined
  runId: string
  assignment: Assignment | undefined
}

/** One run: where and when it ran, its steps in order, tokens and cost by model, and its outcome note. */
export function RunDetail({ row, runId, assignment }: Props) {
  if (!row) {
    return (
      <div className="view">
        <EmptyState title="Run not found" action={<a className="button" href={routeHref('runs')}>Back to runs</a>}>
          No imported session has the id “{runId}”. The batch that held it may have been removed.
        </EmptyState>
      </div>
    )
  }
  const { run } = row
  const endMs = Date.parse(run.end)

  // Escape goes back to the list, except while typing (where it belongs to the field).
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement
    if (event.key !== 'Escape' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return
    event.preventDefault()
    navigate('runs')
  }

  return (
    <article className="view run-detail" aria-labelledby="run-detail-title" onKeyDown={onKeyDown}>
      <a className="back-link" href={routeHref('runs')}>
        ← All runs
      </a>
      <header className="view-header run-detail-header">
        <div>
          <h1 id="run-detail-title">
            {agentToolName(run.tool)} on {row.repo || 'no repo'}
          </h1>
          <p className="run-detail-sub">
            <time dateTime={run.start} title={`${run.start} (UTC)`}>
              {formatRunTime(row.startMs)}
            </time>{' '}
            · {formatDuration(row.startMs, endMs)}
            {row.branch && (
              <>
                {' '}
                · <code>{row.branch}</code>
              </>
            )}
          </p>
        </div>
        <div className="run-detail-cost">
          <span className="run-total-label">Cost</span>
          <strong title={`${run.costUSD} USD, exact`}>{formatMoney(run.costUSD, 'USD')}</strong>
          {run.unpricedModels.length > 0 && <span className="badge warn">partly unpriced</span>}
        </div>
      </header>

      <dl className="run-facts">
        <div>
          <dt>Portfolio</dt>
          <dd>
            {row.portfolioName}
            {row.overlap && (
              <span className="badge warn overlap-flag" title={`Also matched: ${row.alsoMatched.join(', ')}`}>
                overlap
              </span>
            )}
            {assignment && <span className="run-assignment-reason">{assignment.reason}</span>}
          </dd>
        </div>
        <div>
          <dt>Models</dt>
          <dd>
            {run.models.length === 0
              ? '—'
              : run.models.map((model, index) => (
                  <span key={model}>
                    {index > 0 && ', '}
                    {model}
                    {run.unpricedModels.includes(model) && <span className="badge warn unpriced-badge">unpriced</span>}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{formatTokens(row.tokens)}</dd>
        </div>
        <div>
          <dt>Requests</dt>
          <dd>{run.requests.toLocaleString()}</dd>
        </div>
      </dl>

      <div className="run-detail-grid">
        <section className="run-panel" aria-labelledby="run-steps-title">
          <h2 id="run-steps-title">Steps</h2>
          {run.steps.length === 0 ? (
            <p className="muted">No steps were recognised in this session.</p>
          ) : (
            <ol className="step-timeline" aria-label="Step timeline">
              {run.steps.map((step, index) => (
                <li key={index} className="step-timeline-item">
                  <span className="step-timeline-index" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="step-chip">{step}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className="run-detail-side">
          <AnnotationEditor subject={run.id} />
        </div>
      </div>

      <section className="run-panel" aria-labelledby="run-models-title">
        <h2 id="run-models-title">Tokens and cost by model</h2>
        {run.unpricedModels.length > 0 && (
          <p className="unpriced-notice" role="note">
            No price is known for {run.unpricedModels.join(', ')}: {run.unpricedModels.length === 1 ? 'its' : 'their'} tokens are
            counted, but the cost above leaves {run.unpricedModels.length === 1 ? 'it' : 'them'} out. A price can be added in
            Settings.
          </p>
        )}
        <ModelUsageTable run={run} />
      </section>
    </article>
  )
}
