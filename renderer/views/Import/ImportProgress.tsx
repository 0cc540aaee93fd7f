import { formatBytes } from './sources'
import { formatCount, plural } from '../../../shared/text/plural'
import type { JobProgress } from '../../../shared/importers/jobs/jobTypes'

/** Bytes read of the whole, rows so far and rows per second, with a way to stop. */
export function ImportProgress({ label, progress, startedAt, onCancel }: { label: string; progress: JobProgress | null; startedAt: number; onCancel: () => void }) {
  const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001)
  const rows = progress?.rows ?? 0
  const rate = progress && seconds > 0.2 ? Math.round(rows / seconds) : null
  const total = progress?.totalBytes ?? 0
  const packing = progress !== null && total > 0 && progress.bytes >= total
  return (
    <section className="import-panel" aria-label={`Importing ${label}`}>
      <h2>Importing {label}</h2>
      <progress
        className="import-progress"
        max={total || undefined}
        value={total ? Math.min(progress?.bytes ?? 0, total) : undefined}
        aria-label={`Reading ${label}`}
      />
      <p className="import-muted" role="status" data-testid="import-progress">
        {progress
          ? `${plural(rows, 'row')}${rate !== null ? ` · ${formatCount(rate)} rows/s` : ''} · ${formatBytes(progress.bytes)}${total ? ` of ${formatBytes(total)}` : ''}${progress.file !== label ? ` · ${progress.file}` : ''}`
          : 'Starting…'}
        {packing && ' · all rows read; packing the batch…'}
      </p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </section>
  )
}
