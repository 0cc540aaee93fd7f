import { useLayoutEffect, useRef, type ChangeEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { LOCAL_EDIT } from '../../../shared/workspace/origins'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { ensureNote } from './ensureNote'
import { changeDelta, diffText, mapSelection, rebaseChange, type TextDelta } from './textDiff'

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
  /** The text the textarea showed before the person's latest input. */
  const shown = useRef(text?.toString() ?? '')

  useLayoutEffect(() => {
    const area = areaRef.current
    if (!area) return
    // The note may have changed between the first keystroke and this binding (a teammate
    // started it at the same moment): show it with the caret kept beside the same text.
    const current = text?.toString() ?? ''
    const caught = diffText(area.value, current)
    if (caught) showText(area, current, changeDelta(caught))
    if (!text) return
    const onChange = (event: Y.YTextEvent) => {
      if (applyingLocal.current) return
      const next = text.toString()
      if (area.value !== next) showText(area, next, event.delta as TextDelta)
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [text])

  /** Puts a new text in the textarea; the focused person's caret is mapped through the change. */
  function showText(area: HTMLTextAreaElement, next: string, delta: TextDelta) {
    const focused = area.ownerDocument.activeElement === area
    const selection = { start: area.selectionStart, end: area.selectionEnd }
    const direction = area.selectionDirection
    area.value = next
    shown.current = next
    if (focused) {
      const mapped = mapSelection(selection, delta)
      area.setSelectionRange(mapped.start, mapped.end, direction ?? undefined)
    }
  }

  function onInput(event: ChangeEvent<HTMLTextAreaElement>) {
    const area = event.currentTarget
    const value = area.value
    const caret = area.selectionStart === area.selectionEnd ? area.selectionEnd : undefined
    const store = governance.annotations
    const base = shown.current
    shown.current = value
    let caughtUp = null as { text: string; caret: number } | null
    applyingLocal.current = true
    try {
      const shared = ensureNote(governance, subject)
      // The note's text is a top-level type: undo tracks it once this person types in it.
      undoManager.addToScope(shared)
      governance.doc.transact(() => {
        let change = diffText(base, value, caret)
        if (!change) return
        // A teammate's text that reached the note before this textarea was bound to it.
        const unseen = diffText(base, shared.toString())
        if (unseen) change = rebaseChange(change, unseen)
        if (change.remove > 0) shared.delete(change.index, change.remove)
        if (change.insert) shared.insert(change.index, change.insert)
        if (unseen) caughtUp = { text: shared.toString(), caret: change.index + change.insert.length }
        // "Last edited" moves at most once a minute, not on every keystroke.
        const entry = store.records.entry(subject)
        const now = new Date()
        const last = Date.parse(String(entry?.get('updatedAt') ?? ''))
        if (entry && !(now.getTime() - last < TOUCH_INTERVAL_MS)) entry.set('updatedAt', now.toISOString())
      }, LOCAL_EDIT)
    } finally {
      applyingLocal.current = false
    }
    if (caughtUp) {
      area.value = shown.current = caughtUp.text
      area.setSelectionRange(caughtUp.caret, caughtUp.caret)
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
