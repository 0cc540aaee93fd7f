import { useId, useState, type KeyboardEvent } from 'react'
import type { EvidenceLink } from '../../../shared/records/annotation'

export const EVIDENCE_KINDS: { kind: EvidenceLink['kind']; label: string; placeholder: string }[] = [
  { kind: 'pr', label: 'Pull request', placeholder: 'org/repo#1234 or its URL' },
  { kind: 'incident', label: 'Incident', placeholder: 'INC-2041' },
  { kind: 'link', label: 'Link', placeholder: 'https://…' },
]

export function evidenceKindLabel(kind: EvidenceLink['kind']): string {
  return EVIDENCE_KINDS.find((k) => k.kind === kind)?.label ?? kind
}

interface Props {
  evidence: EvidenceLink[]
  onChange(evidence: EvidenceLink[]): void
}

/**
 * Evidence that a run paid off: pull requests, incident ids, links. References are shown as
 * text (the desktop shell opens no remote content), selectable to copy.
 */
export function EvidenceList({ evidence, onChange }: Props) {
  const id = useId()
  const [kind, setKind] = useState<EvidenceLink['kind']>('pr')
  const [ref, setRef] = useState('')
  const [error, setError] = useState<string | null>(null)

  function add() {
    const trimmed = ref.trim()
    if (!trimmed) {
      setError('Enter a reference to add.')
      return
    }
    if (evidence.some((e) => e.kind === kind && e.ref === trimmed)) {
      setError('That evidence is already listed.')
      return
    }
    onChange([...evidence, { kind, ref: trimmed }])
    setRef('')
    setError(null)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    }
  }

  const placeholder = EVIDENCE_KINDS.find((k) => k.kind === kind)?.placeholder
  return (
    <div className="evidence" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="annotation-label">
        Evidence
      </h4>
      {evidence.length === 0 ? (
        <p className="evidence-empty">No evidence yet: add the pull request, incident or page that shows the outcome.</p>
      ) : (
        <ul className="evidence-list" aria-label="Evidence">
          {evidence.map((item, index) => (
            <li key={`${item.kind}:${item.ref}:${index}`} className="evidence-item">
              <span className={`evidence-kind kind-${item.kind}`}>{evidenceKindLabel(item.kind)}</span>
              <span className="evidence-ref">{item.ref}</span>
              <button
                type="button"
                className="evidence-remove"
                aria-label={`Remove ${evidenceKindLabel(item.kind)} ${item.ref}`}
                onClick={() => onChange(evidence.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="evidence-add">
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          Evidence kind
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as EvidenceLink['kind'])}>
          {EVIDENCE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-ref`}>
          Evidence reference
        </label>
        <input
          id={`${id}-ref`}
          value={ref}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setRef(event.target.value)
            setError(null)
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={add}>
          Add evidence
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
