import * as Y from 'yjs'
import type { z } from 'zod'
import { Annotation, type EvidenceLink, type ValueCategory } from '../records/annotation'
import { LOCAL_EDIT } from './origins'
import type { ReadResult } from './problems'
import { RecordMap } from './recordMap'

const AnnotationFields = Annotation.omit({ text: true }).transform((fields) => ({ ...fields, id: fields.subject }))
type AnnotationFields = z.output<typeof AnnotationFields>
export type AnnotationRecord = Annotation & { id: string }

/**
 * The text of a note lives in a top-level Y.Text named after its subject. Top-level types are
 * identified by name, so two people who start the same note at the same moment write into one
 * text and both keep what they typed; a Y.Text nested in a map would be created twice and one
 * copy would win.
 */
export const NOTE_TEXT_PREFIX = 'annotation-text:'
/** Evidence links live in a top-level Y.Array for the same reason: two links added at once both stay. */
export const NOTE_EVIDENCE_PREFIX = 'annotation-evidence:'

/**
 * Outcome notes keyed by run id (or "portfolio:<id>:<period>"): the co-edited text, plus the
 * value category, evidence links and times in the `annotations` map.
 */
export class AnnotationStore {
  readonly records: RecordMap<AnnotationFields>

  constructor(private readonly doc: Y.Doc) {
    this.records = new RecordMap(doc, 'annotations', AnnotationFields as never)
  }

  list(): ReadResult<AnnotationRecord> {
    const { records, problems } = this.records.list()
    return { records: records.map((fields) => this.withText(fields)), problems }
  }

  get(subject: string): AnnotationRecord | undefined {
    const fields = this.records.get(subject)
    return fields && this.withText(fields)
  }

  /** The shared text of a note, created (empty) with its fields on first use. */
  text(subject: string, now = new Date().toISOString()): Y.Text {
    if (!this.records.has(subject)) {
      this.doc.transact(() => {
        const entry = new Y.Map<unknown>()
        entry.set('subject', subject)
        entry.set('valueCategory', 'unset')
        entry.set('evidence', [])
        entry.set('createdAt', now)
        entry.set('updatedAt', now)
        this.records.map.set(subject, entry)
      }, LOCAL_EDIT)
    }
    return this.doc.getText(NOTE_TEXT_PREFIX + subject)
  }

  /** The note's evidence list, a shared type for undo scopes; reading never creates a note. */
  evidenceList(subject: string): Y.Array<EvidenceLink> {
    return this.doc.getArray<EvidenceLink>(NOTE_EVIDENCE_PREFIX + subject)
  }

  /** The note's text if the note exists; reading never creates one. */
  existingText(subject: string): Y.Text | null {
    return this.records.has(subject) ? this.doc.getText(NOTE_TEXT_PREFIX + subject) : null
  }

  /** Calls `listener` when the note's fields or its text change. */
  observeSubject(subject: string, listener: () => void): () => void {
    const stopFields = this.records.observe(listener)
    const text = this.doc.getText(NOTE_TEXT_PREFIX + subject)
    const evidence = this.evidenceList(subject)
    const onShared = () => listener()
    text.observe(onShared)
    evidence.observe(onShared)
    return () => {
      stopFields()
      text.unobserve(onShared)
      evidence.unobserve(onShared)
    }
  }

  setCategory(subject: string, category: ValueCategory, now = new Date().toISOString()): void {
    this.setFields(subject, { valueCategory: category }, now)
  }

  /** Makes the note's evidence this list: removes what is gone and appends what is new, so a teammate's concurrent addition stays. */
  setEvidence(subject: string, evidence: EvidenceLink[], now = new Date().toISOString()): void {
    this.text(subject, now)
    const list = this.evidenceList(subject)
    const key = (link: EvidenceLink) => `${link.kind}\u0000${link.ref}`
    const wanted = new Set(evidence.map(key))
    this.doc.transact(() => {
      const current = list.toArray()
      for (let index = current.length - 1; index >= 0; index--) if (!wanted.has(key(current[index]))) list.delete(index, 1)
      const kept = new Set(list.toArray().map(key))
      const added = evidence.filter((link) => !kept.has(key(link)))
      if (added.length > 0) list.push(added)
      this.records.entry(subject)!.set('updatedAt', now)
    }, LOCAL_EDIT)
  }

  /** Whether a subject carries a real note: some text, a value category or evidence. */
  isAnnotated(subject: string): boolean {
    const note = this.get(subject)
    return !!note && hasContent(note)
  }

  /** Every subject that carries a real note (see isAnnotated), read in one pass. */
  annotatedSubjects(): Set<string> {
    return new Set(this.list().records.filter(hasContent).map((note) => note.subject))
  }

  private setFields(subject: string, fields: Partial<Annotation>, now: string): void {
    this.text(subject, now)
    const entry = this.records.entry(subject)!
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(fields)) entry.set(key, value)
      entry.set('updatedAt', now)
    }, LOCAL_EDIT)
  }

  private withText(fields: AnnotationFields): AnnotationRecord {
    const evidence = this.evidenceList(fields.subject).toArray()
    return {
      ...fields,
      text: this.doc.getText(NOTE_TEXT_PREFIX + fields.subject).toString(),
      // Notes written before evidence moved to its own list keep theirs in the fields.
      evidence: evidence.length > 0 ? evidence : fields.evidence,
    }
  }
}

function hasContent(note: Annotation): boolean {
  return note.text.trim() !== '' || note.valueCategory !== 'unset' || note.evidence.length > 0
}
