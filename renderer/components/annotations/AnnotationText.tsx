import { useLayoutEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { LOCAL_EDIT } from '../../../shared/workspace/origins'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { ensureNote } from './ensureNote'
import { diffText, mapSelection, type TextDelta } from './textDiff'

const TOUCH_INTERVAL_MS = 60_000

interface Props {
  id: string
  subject: string
  /** The live shared text, or null while the note does not exist yet (the first keystroke creates it). */
  text: Y.Text | null
  placeholder?: string
  describedBy?: string
}

/**
 * A plain textarea bound to the note's Y.Text. Each input becomes the smallest delete/insert
 * (so a teammate typing elsewhere in the note keeps their text), tagged LOCAL_EDIT for undo;
 * a teammate's change is applied in place with the caret mapped through their delta.
 * The textarea is uncontrolled: React never rewrites its value, so the caret is never reset.
 */
export function AnnotationText({ id, subject, text, placeholder, describedBy }: Props) {
  const { governance, undoManager } = useWorkspace()
  const areaRef = useRef<HTMLTextAreaElement>(null)
  const applyingLocal = useRef(false)

  useLayoutEffect(() => {
    const area = areaRef.current
    if (!area) return
    const current = text?.toString() ?? ''
    if (area.value !== current) area.value = current
    if (!text) return
    const onChange = (event: Y.YTextEvent) => {
      if (applyingLocal.current) return
      const next = text.toString()
      if (area.value === next) return
      const focused = area.ownerDocument.activeElement === area
      const selection = { start: area.selectionStart, end: area.selectionEnd }
      const direction = area.selectionDirection
      area.value = next
      if (focused) {
        const mapped = mapSelection(selection, event.delta as TextDelta)
        area.setSelectionRange(mapped.start, mapped.end, direction ?? undefined)
      }
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [text])

  function onInput(event: ChangeEvent<HTMLTextAreaElement>) {
    const area = event.currentTarget
    const value = area.value
    const caret = area.selectionStart === area.selectionEnd ? area.selectionEnd : undefined
    const store = governance.annotations
    applyingLocal.current = true
    try {
      const shared = ensureNote(governance, subject)
      // The note's text is a top-level type: undo tracks it once this person types in it.
      undoManager.addToScope(shared)
      governance.doc.transact(() => {
        const change = diffText(shared.toString(), value, caret)
        if (!change) return
        if (change.remove > 0) shared.delete(change.index, change.remove)
        if (change.insert) shared.insert(change.index, change.insert)
        // "Last edited" moves at most once a minute, not on every keystroke.
        const entry = store.records.entry(subject)
        const now = new Date()
        const last = Date.parse(String(entry?.get('updatedAt') ?? ''))
        if (entry && !(now.getTime() - last < TOUCH_INTERVAL_MS)) entry.set('updatedAt', now.toISOString())
      }, LOCAL_EDIT)
    } finally {
      applyingLocal.current = false
    }
  }

  // The note is shared: undo walks this person's own edits of the document (never a
  // teammate's), instead of the textarea's own history, which a remote change would break.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return
    const key = event.key.toLowerCase()
    if (key === 'z' && !event.shiftKey) undoManager.undo()
    else if ((key === 'z' && event.shiftKey) || key === 'y') undoManager.redo()
    else return
    event.preventDefault()
  }

  return (
    <textarea
      ref={areaRef}
      id={id}
      className="annotation-text"
      rows={4}
      defaultValue={text?.toString() ?? ''}
      placeholder={placeholder}
      aria-describedby={describedBy}
      onChange={onInput}
      onKeyDown={onKeyDown}
    />
  )
}
