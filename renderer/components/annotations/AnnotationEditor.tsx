import { useId } from 'react'
import { ValueCategory } from '../../../shared/records/annotation'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { AnnotationText } from './AnnotationText'
import { ensureNote } from './ensureNote'
import { EvidenceList } from './EvidenceList'
import { useAnnotation } from './useAnnotation'
import './AnnotationEditor.css'

export const VALUE_CATEGORY_LABELS: Record<ValueCategory, string> = {
  unset: 'Not set yet',
  'shipped-fix': 'Shipped a fix',
  'prevented-incident': 'Prevented an incident',
  'saved-time': 'Saved time',
  learning: 'Learning',
  'no-value': 'No value this time',
}

const editedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

interface Props {
  /** A run id, or "portfolio:<id>:<period>" for a note on a portfolio in a period. */
  subject: string
  /** The heading shown above the editor. */
  title?: string
}

/**
 * The outcome note of a run: co-edited text, a value category and evidence links. Reusable
 * anywhere (run detail, the review's high-cost queue): `<AnnotationEditor subject={runId} />`.
 * Nothing is written until the person edits; it never shows who wrote what.
 */
export function AnnotationEditor(props: Props) {
  // A new subject is a new note: fresh field state, a fresh binding to its text.
  return <NoteEditor key={props.subject} {...props} />
}

function NoteEditor({ subject, title = 'Outcome' }: Props) {
  const { governance, undoManager } = useWorkspace()
  const { note, text } = useAnnotation(subject)
  const id = useId()
  const store = governance.annotations
  const category = note?.valueCategory ?? 'unset'

  return (
    <section className="annotation-editor" aria-labelledby={`${id}-title`}>
      <div className="annotation-header">
        <h3 id={`${id}-title`}>{title}</h3>
        {note && (
          <span className="annotation-edited">
            Last edited <time dateTime={note.updatedAt}>{formatEdited(note.updatedAt)}</time>
          </span>
        )}
      </div>
      <div className="annotation-field">
        <label className="annotation-label" htmlFor={`${id}-text`}>
          Outcome note
        </label>
        <AnnotationText
          id={`${id}-text`}
          subject={subject}
          text={text}
          describedBy={`${id}-hint`}
          placeholder="What did this run move? A fix shipped, an incident shortened, a day saved…"
        />
        <p className="field-hint" id={`${id}-hint`}>
          Shared with the team and saved as you type; teammates can write in the same note at the same time.
        </p>
      </div>
      <div className="annotation-field">
        <label className="annotation-label" htmlFor={`${id}-category`}>
          Value
        </label>
        <select
          id={`${id}-category`}
          className="annotation-category"
          value={category}
          onChange={(event) => {
            ensureNote(governance, subject)
            store.setCategory(subject, event.target.value as ValueCategory)
          }}
        >
          {ValueCategory.options.map((option) => (
            <option key={option} value={option}>
              {VALUE_CATEGORY_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <EvidenceList evidence={note?.evidence ?? []} onChange={(evidence) => {
          ensureNote(governance, subject)
          // A top-level list: undo tracks it once this person edits it.
          undoManager.addToScope(store.evidenceList(subject))
          store.setEvidence(subject, evidence)
        }} />
    </section>
  )
}

function formatEdited(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : editedFormat.format(time)
}
