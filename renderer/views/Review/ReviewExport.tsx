import { useState } from 'react'
import type { Review } from '../../../shared/records/review'
import { reviewMarkdown, type ReviewReportData } from '../../../shared/review'
import { routeHref } from '../../navigation/routes'
import { useBridge } from '../../workspace/WorkspaceContext'

export function exportFileName(review: Pick<Review, 'period'>, extension: 'md' | 'pdf'): string {
  return `review-${review.period.replace(/[^A-Za-z0-9._-]+/g, '-')}.${extension}`
}

/** The review as Markdown (saved through the Bridge) and as a printable report with its charts. */
/** `report` is called on export only: it may mine the period's runs. */
export function ReviewExport({ review, report }: { review: Review; report: () => ReviewReportData }) {
  const bridge = useBridge()
  const [status, setStatus] = useState<string | null>(null)
  const saveMarkdown = async () => {
    const name = exportFileName(review, 'md')
    try {
      const result = await bridge.saveFile(name, reviewMarkdown(review, report()), 'text/markdown')
      setStatus(result.saved ? `Saved ${result.path ?? name}` : 'Not saved')
    } catch (error) {
      setStatus(`Could not save ${name}: ${(error as Error).message}`)
    }
  }
  return (
    <div className="review-export" role="group" aria-label="Export">
      <button type="button" className="primary" onClick={saveMarkdown}>
        Export Markdown
      </button>
      <a className="button" href={routeHref('review', review.id, 'print')}>
        {bridge.printToPdf ? 'Printable report (PDF)' : 'Printable report'}
      </a>
      {status && (
        <span className="muted" role="status">
          {status}
        </span>
      )}
    </div>
  )
}
