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

  /** The note's text if the note exists; reading never creates one. */
  existingText(subject: string): Y.Text | null {
    return this.records.has(subject) ? this.doc.getText(NOTE_TEXT_PREFIX + subject) : null
  }

  /** Calls `listener` when the note's fields or its text change. */
  observeSubject(subject: string, listener: () => void): () => void {
    const stopFields = this.records.observe(listener)
    const text = this.doc.getText(NOTE_TEXT_PREFIX + subject)
    const onText = () => listener()
    text.observe(onText)
    return () => {
      stopFields()
      text.unobserve(onText)
    }
  }

  setCategory(subject: string, category: ValueCategory, now = new Date().toISOString()): void {
    this.setFields(subject, { valueCategory: category }, now)
  }

  setEvidence(subject: string, evidence: EvidenceLink[], now = new Date().toISOString()): void {
    this.setFields(subject, { evidence }, now)
  }

  /** Whether a subject carries a real note: some text, a value category or evidence. */
  isAnnotated(subject: string): boolean {
    const note = this.get(subject)
    return !!note && (note.text.trim() !== '' || note.valueCategory !== 'unset' || note.evidence.length > 0)
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
    return { ...fields, text: this.doc.getText(NOTE_TEXT_PREFIX + fields.subject).toString() }
  }
}
