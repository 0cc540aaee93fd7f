import { useEffect } from 'react'
import type * as Y from 'yjs'

/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y) undo and redo the person's own document
 * edits. Inside a text field the browser's own text undo applies instead.
 */
export function useUndoShortcuts(undoManager: Y.UndoManager): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undoManager.undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') undoManager.redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undoManager])
}
