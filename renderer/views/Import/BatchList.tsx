import { useState } from 'react'
import { formatCurrencyAmounts } from '../../../shared/money/format'
import type { BatchMeta } from '../../../shared/records/batch'
import type { ImportProfile } from '../../../shared/records/settings'
import { useAnalysisAnswer } from '../../workspace/analysis/useAnalysisAnswer'
import { plural } from '../../../shared/text/plural'
import { BATCH_KINDS, batchName, formatMonth, formatName, formatRange } from './display'
import { formatInstant } from '../../components/LocalTime'
import { IssueList } from './IssueList'

/** Every import batch in the workspace, newest first, with its totals and report; removable (undoably). */
export function BatchList({ batches, profiles, onRemove }: { batches: readonly BatchMeta[]; profiles: readonly ImportProfile[]; onRemove: (batch: BatchMeta) => void }) {
  if (batches.length === 0) {
    return (
      <p className="import-muted" data-testid="batch-empty">
        No batches yet. Each file you import becomes one batch, shared with the team; the same file imported twice (by anyone) is one batch.
      </p>
    )
  }
  return (
    <ul className="batch-list" aria-label="Import batches">
      {batches.map((batch) => (
        <BatchItem key={batch.id} batch={batch} profiles={profiles} onRemove={onRemove} />
      ))}
    </ul>
  )
}

function BatchItem({ batch, profiles, onRemove }: { batch: BatchMeta; profiles: readonly ImportProfile[]; onRemove: (batch: BatchMeta) => void }) {
  const [open, setOpen] = useState(false)
  const name = batchName(batch, profiles)
  const reportId = `batch-report-${batch.id.slice(0, 12)}`
  const issues = batch.skipped.length + batch.warnings.length
  return (
    <li className="batch-item" data-testid="batch-item">
      <div className="batch-main">
        <div>
          <span className="batch-name">{name}</span>
          <span className="badge">{BATCH_KINDS[batch.kind].badge}</span>
          {batch.skipped.length > 0 && <span className="badge warn">{plural(batch.skipped.length, 'line')} skipped</span>}
        </div>
        <div className="import-muted">
          {formatName(batch.format, profiles)} · {plural(batch.records, BATCH_KINDS[batch.kind].record)} · {formatRange(batch.from, batch.to, batch.kind === 'charges')} · imported{' '}
          {formatInstant(batch.importedAt)}
        </div>
        {(batch.kind === 'charges' || batch.kind === 'runs') && (
          <div className="batch-totals" data-testid="batch-totals">
            {isTokensOnly(batch) ? <span className="import-muted">No money in this export: usage only</span> : formatCurrencyAmounts(batch.totals)}
            {batch.kind === 'runs' && <span className="import-muted"> estimated</span>}
          </div>
        )}
        <MonthSummary batch={batch} />
      </div>
      <div className="batch-actions">
        <button type="button" aria-expanded={open} aria-controls={reportId} onClick={() => setOpen(!open)}>
          {open ? 'Hide report' : issues > 0 ? `Report (${issues})` : 'Report'}
        </button>
        <button type="button" onClick={() => onRemove(batch)} aria-label={`Remove batch ${name}`}>
          Remove
        </button>
      </div>
      {open && (
        <div id={reportId} className="batch-report">
          <MonthlyTotals batch={batch} />
          {batch.fileNames.length > 1 && <p className="import-muted">Files: {batch.fileNames.join(', ')}</p>}
          {batch.skipped.length > 0 ? (
            <>
              <h3>Skipped lines</h3>
              <IssueList file={batch.fileNames[0] ?? ''} issues={batch.skipped} label="Skipped lines" />
            </>
          ) : (
            <p className="import-muted">No lines were skipped.</p>
          )}
          {batch.warnings.length > 0 && (
            <>
              <h3>Notes</h3>
              <IssueList file={batch.kind === 'runs' ? '' : (batch.fileNames[0] ?? '')} issues={batch.kind === 'runs' ? batch.warnings.map(logIssue) : batch.warnings} label="Notes" />
            </>
          )}
        </div>
      )}
    </li>
  )
}

/** The batch's totals per month on one line (the report has the table). */
function MonthSummary({ batch }: { batch: BatchMeta }) {
  const rows = useAnalysisAnswer({ type: 'batch-months', batchId: batch.id }).answer
  if (!rows || rows.length < 2) return null
  const shown = rows.slice(0, 6)
  return (
    <div className="batch-months-inline import-muted" data-testid="batch-months">
      {shown.map((row) => `${formatMonth(row.month)}: ${formatCurrencyAmounts(row.totals)}`).join(' · ')}
      {rows.length > shown.length && ` · … ${rows.length - shown.length} more months`}
    </div>
  )
}

function MonthlyTotals({ batch }: { batch: BatchMeta }) {
  const { answer: rows, error } = useAnalysisAnswer({ type: 'batch-months', batchId: batch.id })
  if (error) return <p className="field-error">The batch’s records could not be read: {error}</p>
  if (!rows) return <p className="import-muted">Adding up the batch…</p>
  if (rows.length === 0) return <p className="import-muted">No amounts in this batch.</p>
  return (
    <table className="batch-months">
      <caption>Totals per month (UTC) and currency</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="numeric">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.month}>
            <td>{formatMonth(row.month)}</td>
            <td className="numeric">{formatCurrencyAmounts(row.totals)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Agent-log notes carry their file name in the message (`name: reason`); put the line after it. */
function logIssue(issue: BatchMeta['warnings'][number]): BatchMeta['warnings'][number] {
  const match = /^([^:]+): ([\s\S]*)$/.exec(issue.message)
  if (!match || issue.line === 0) return { line: 0, message: issue.message }
  return { line: 0, message: `${match[1]}:${issue.line}: ${match[2]}` }
}

/** Anthropic's usage export and Cursor's request export count tokens or requests, not money. */
function isTokensOnly(batch: BatchMeta): boolean {
  return batch.kind === 'charges' && batch.records > 0 && Object.keys(batch.totals).length === 0
}
