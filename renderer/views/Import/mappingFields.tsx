import { DATE_FORMATS, type DateFormat } from '../../../shared/importers/billing/dates'

/** The fields both column mapping steps (charges and incidents) are made of. */

const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2026-11-03, 2026-11-03T14:05:00Z)',
  'unix-seconds': 'Unix seconds',
  'unix-millis': 'Unix milliseconds',
  'MM/DD/YYYY': 'MM/DD/YYYY (US)',
  'DD/MM/YYYY': 'DD/MM/YYYY',
  'DD.MM.YYYY': 'DD.MM.YYYY',
  'YYYY/MM/DD': 'YYYY/MM/DD',
}

export function newProfileId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `ip-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** Which of the file's columns holds one field ("— none —" for none). */
export function ColumnSelect({ id, label, hint, columns, value, onChange }: { id: string; label: string; hint?: string; columns: readonly string[]; value: string; onChange: (column: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">— none —</option>
        {columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  )
}

export function DateFormatSelect({ id, value, onChange }: { id: string; value: DateFormat; onChange: (format: DateFormat) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Date format</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as DateFormat)}>
        {DATE_FORMATS.map((format) => (
          <option key={format} value={format}>
            {DATE_FORMAT_LABELS[format]}
          </option>
        ))}
      </select>
      <p className="field-hint">dates without a zone are read as UTC</p>
    </div>
  )
}
