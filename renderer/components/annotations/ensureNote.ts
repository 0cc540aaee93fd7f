import * as Y from 'yjs'
import type { Governance } from '../../../shared/workspace/governance'

/**
 * Creating the (empty) note is structure, not content: it runs under its own origin so the
 * undo manager never removes the note itself, which would also take away what teammates
 * have written into it since. Undo still walks back this person's text and fields.
 */
export const NOTE_CREATED = 'workfolio:annotation-created'

export function ensureNote(governance: Governance, subject: string): Y.Text {
  const store = governance.annotations
  const existing = store.existingText(subject)
  if (existing) return existing
  let text!: Y.Text
  // Nested transactions join the outer one, so the store's own LOCAL_EDIT origin is replaced.
  governance.doc.transact(() => {
    text = store.text(subject)
  }, NOTE_CREATED)
  return text
}
