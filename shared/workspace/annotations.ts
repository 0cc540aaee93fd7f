import * as Y from 'yjs'
import { Annotation, type EvidenceLink, type ValueCategory } from '../records/annotation'
import { LOCAL_EDIT } from './origins'
import { RecordMap } from './recordMap'

const AnnotationWithId = Annotation.transform((a) => ({ ...a, id: a.subject }))
type AnnotationRecord = Annotation & { id: string }

/**
 * Outcome notes keyed by run id (or "portfolio:<id>:<period>"). The text is a Y.Text so
 * concurrent typing in one note merges character by character.
 */
export class AnnotationStore {
  readonly records: RecordMap<AnnotationRecord>

  constructor(private readonly doc: Y.Doc) {
    this.records = new RecordMap(doc, 'annotations', AnnotationWithId as never)
  }

  list() {
    return this.records.list()
  }

  get(subject: string): AnnotationRecord | undefined {
    return this.records.get(subject)
  }

  /** The shared text of a note, created (empty) on first use. */
  text(subject: string, now = new Date().toISOString()): Y.Text {
    let entry = this.records.entry(subject)
    if (!entry) {
      this.doc.transact(() => {
        entry = new Y.Map<unknown>()
        entry.set('subject', subject)
        entry.set('text', new Y.Text())
        entry.set('valueCategory', 'unset')
        entry.set('evidence', [])
        entry.set('createdAt', now)
        entry.set('updatedAt', now)
        this.records.map.set(subject, entry)
      }, LOCAL_EDIT)
      entry = this.records.entry(subject)!
    }
    const text = entry.get('text')
    if (text instanceof Y.Text) return text
    // An older or foreign entry stored plain text: upgrade it in place, keeping its content.
    const upgraded = new Y.Text(typeof text === 'string' ? text : '')
    this.doc.transact(() => entry!.set('text', upgraded), LOCAL_EDIT)
    return upgraded
  }

  setCategory(subject: string, category: ValueCategory, now = new Date().toISOString()): void {
    this.text(subject)
    const entry = this.records.entry(subject)!
    this.doc.transact(() => {
      entry.set('valueCategory', category)
      entry.set('updatedAt', now)
    }, LOCAL_EDIT)
  }

  setEvidence(subject: string, evidence: EvidenceLink[], now = new Date().toISOString()): void {
    this.text(subject)
    const entry = this.records.entry(subject)!
    this.doc.transact(() => {
      entry.set('evidence', evidence)
      entry.set('updatedAt', now)
    }, LOCAL_EDIT)
  }

  /** Whether a subject carries a real note: some text, a value category or evidence. */
  isAnnotated(subject: string): boolean {
    const note = this.get(subject)
    return !!note && (note.text.trim() !== '' || note.valueCategory !== 'unset' || note.evidence.length > 0)
  }
}
