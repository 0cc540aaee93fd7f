import { useId, useState, type ReactNode } from 'react'
import { DATE_FORMATS, type DateFormat } from '../../../shared/importers/billing/dates'
import type { BatchIssue } from '../../../shared/records/batch'
import { IssueList } from './IssueList'

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

/**
 * The frame of a mapping step: the fields and the profile's name, what is wrong (problems the person has not yet had
 * a chance to fix, such as unpicked columns, wait until they submit), the preview, the actions.
 */
export function MappingStepFrame({
  file,
  intro,
  fields,
  profileName,
  onProfileNameChange,
  problems,
  waitsForSubmit,
  waitingHint,
  submitLabel,
  onSubmit,
  onCancel,
  children,
  previewErrors,
}: {
  file: string
  intro: ReactNode
  fields: ReactNode
  profileName: string
  onProfileNameChange: (name: string) => void
  problems: readonly string[]
  waitsForSubmit: (problem: string) => boolean
  waitingHint: string
  submitLabel: string
  onSubmit: () => void
  onCancel: () => void
  /** The live preview, and the rows of it the mapping cannot read. */
  children: ReactNode
  previewErrors: readonly BatchIssue[]
}) {
  const id = useId()
  const [submitted, setSubmitted] = useState(false)
  const waiting = problems.length > 0 && !submitted && problems.every(waitsForSubmit)
  return (
    <section className="import-panel" aria-label="Map the columns">
      <h2>Map the columns of {file}</h2>
      <p className="import-muted">{intro}</p>
      <form
        className="mapping-form"
        onSubmit={(event) => {
          event.preventDefault()
          setSubmitted(true)
          if (problems.length === 0) onSubmit()
        }}
      >
        <div className="mapping-grid">
          {fields}
          <div className="field">
            <label htmlFor={`${id}-name`}>Profile name</label>
            <input id={`${id}-name`} value={profileName} onChange={(event) => onProfileNameChange(event.target.value)} />
          </div>
        </div>
        {problems.length > 0 && !waiting && (
          <ul className="field-error" role="alert">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {waiting && <p className="import-muted">{waitingHint}</p>}
        {children}
        {previewErrors.length > 0 && <IssueList file={file} issues={previewErrors} label="Rows this mapping cannot read" />}
        <div className="actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
          <button type="button" onClick={onCancel}>
            Don’t import this file
          </button>
        </div>
      </form>
    </section>
  )
}
