import { useCallback } from 'react'
import * as Y from 'yjs'
import type { Annotation } from '../../../shared/records/annotation'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'

/**
 * The note of one subject as plain data, and its live Y.Text once it exists. Reading never
 * creates a note: opening a run must not write to the shared document.
 */
export function useAnnotation(subject: string): { note: Annotation | null; text: Y.Text | null } {
  const { governance } = useWorkspace()
  const store = governance.annotations
  const subscribe = useCallback((onChange: () => void) => store.observeSubject(subject, onChange), [store, subject])
  const note = useObserved(subscribe, () => store.get(subject) ?? null, [subscribe, subject])
  const text = useObserved(
    subscribe,
    () => store.existingText(subject),
    [subscribe, subject],
  )
  return { note, text }
}
