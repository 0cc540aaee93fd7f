import type { Charge } from '../../../shared/records/charge'
import { formatMoney } from '../../../shared/money/format'
import { formatInstant } from '../../components/LocalTime'

/** The first parsed rows exactly as they will be stored: UTC instants (shown in your zone) and exact amounts. */
export function ChargePreview({ charges, caption }: { charges: readonly Charge[]; caption: string }) {
  if (charges.length === 0) return <p className="import-muted">No rows to preview yet.</p>
  const hasTags = charges.some((charge) => Object.keys(charge.tags).length > 0)
  return (
    <div className="import-table-wrap">
      <table className="import-preview" data-testid="import-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Model / service</th>
            <th scope="col">Account · workspace · project · key</th>
            {hasTags && <th scope="col">Tags</th>}
          </tr>
        </thead>
        <tbody>
          {charges.map((charge, index) => (
            <tr key={`${charge.source.line}-${index}`}>
              <td className="numeric import-muted">{charge.source.line}</td>
              <td className="preview-date">
                {isWholeDay(charge) ? (
                  <span>
                    {formatInstant(charge.start, false, true)}{' '}
                    <abbr className="import-muted" title={charge.granularity === 'month' ? 'a month as billed, in UTC' : 'a day as billed, in UTC'}>
                      UTC
                    </abbr>
                  </span>
                ) : (
                  <span>{formatInstant(charge.start)}</span>
                )}
                <span className="import-stored" title="Stored as this UTC instant">
                  {charge.start}
                </span>
              </td>
              <td className="numeric" data-testid="preview-amount">
                {formatMoney(charge.cost, charge.currency)}
                {charge.costKind !== 'billed' && <span className="import-stored">{charge.costKind.replace('_', ' ')}</span>}
              </td>
              <td>{charge.model ?? charge.service ?? '—'}</td>
              <td>{[charge.account, charge.workspace, charge.project, charge.apiKey].filter(Boolean).join(' · ') || '—'}</td>
              {hasTags && (
                <td>
                  {Object.entries(charge.tags).map(([key, value]) => (
                    <span key={key} className="chip">
                      {key}: {value}
                    </span>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A daily or monthly bucket, or a date without a time (midnight UTC): a calendar day as billed, not a moment. */
function isWholeDay(charge: Charge): boolean {
  return charge.granularity === 'day' || charge.granularity === 'month' || (charge.granularity === 'event' && charge.start.endsWith('T00:00:00.000Z'))
}
