import { formatCurrencyAmounts } from '../../../shared/money/format'
import { plural } from '../../../shared/text/plural'
import { IssueList } from './IssueList'
import type { ImportOutcome } from '../../../shared/importers/jobs/jobTypes'

/**
 * A file with bad lines: nothing is imported unless the person explicitly chooses to import
 * the good rows and skip the bad ones (the skipped lines are then kept in the batch's report).
 */
export function BadRows({ label, outcome, onSkip, onCancel }: { label: string; outcome: ImportOutcome; onSkip: () => void; onCancel: () => void }) {
  const { summary, batch } = outcome
  const file = summary.files.join(', ')
  return (
    <section className="import-panel import-rejected" aria-label={`${label} has bad lines`}>
      <h2>
        {label}: {plural(summary.errorCount, 'line')} could not be read
      </h2>
      <p role="alert">Nothing has been imported from this file.</p>
      <IssueList file={file} issues={summary.errors} total={summary.errorCount} label="Bad lines" />
      {batch && batch.meta.records > 0 ? (
        <p>
          The other {plural(batch.meta.records, 'row')} read fine ({formatCurrencyAmounts(batch.meta.totals)}). You can import them and
          skip the bad lines; the skipped lines stay listed in the batch’s report.
        </p>
      ) : (
        <p>No row of this file could be read.</p>
      )}
      <div className="actions">
        {batch && batch.meta.records > 0 && (
          <button type="button" className="primary" onClick={onSkip}>
            Import the good rows and skip {plural(summary.errorCount, 'bad line')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Don’t import this file
        </button>
      </div>
    </section>
  )
}
