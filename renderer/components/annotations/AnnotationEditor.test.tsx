import { act, fireEvent, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { LOCAL_EDIT } from '../../../shared/workspace/origins'
import { renderWithWorkspace } from '../../test/renderWithWorkspace'
import { AnnotationEditor } from './AnnotationEditor'

const setNativeValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!

/** What the browser does when a person types: the value and the caret change, then an input event. */
function type(area: HTMLTextAreaElement, value: string, caret = value.length) {
  setNativeValue.call(area, value)
  area.setSelectionRange(caret, caret)
  fireEvent.input(area)
}

test('viewing a run writes nothing; typing stores the note in the shared Y.Text, undoably', () => {
  const { workspace } = renderWithWorkspace(<AnnotationEditor subject="run-1" />)
  expect(workspace.governance.annotations.get('run-1')).toBeUndefined()

  const area = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  type(area, 'Fixed the flaky test')
  type(area, 'Fixed the flaky checkout test', 'Fixed the flaky checkout'.length)
  const text = workspace.governance.annotations.text('run-1')
  expect(text.toString()).toBe('Fixed the flaky checkout test')
  expect(workspace.governance.annotations.isAnnotated('run-1')).toBe(true)

  act(() => workspace.undoManager.undo())
  expect(text.toString()).toBe('Fixed the flaky test')
  expect(area.value).toBe('Fixed the flaky test')
})

test('a teammate’s typing shows up in place and the caret stays beside the same text', () => {
  const { workspace } = renderWithWorkspace(<AnnotationEditor subject="run-1" />)
  const area = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  area.focus()
  type(area, 'Saved a day.', 'Saved'.length)
  expect(area.selectionStart).toBe(5)

  // A teammate's document, synced both ways, inserts text before the caret.
  const teammate = new Governance(new Y.Doc())
  act(() => Y.applyUpdate(teammate.doc, Y.encodeStateAsUpdate(workspace.governance.doc)))
  act(() => {
    teammate.doc.transact(() => teammate.annotations.text('run-1').insert(0, 'Incident 42: '))
    Y.applyUpdate(workspace.governance.doc, Y.encodeStateAsUpdate(teammate.doc), 'sync')
  })
  expect(area.value).toBe('Incident 42: Saved a day.')
  expect(area.selectionStart).toBe('Incident 42: Saved'.length)
  expect(area.selectionEnd).toBe('Incident 42: Saved'.length)

  // Undo only undoes this person's typing, never the teammate's.
  act(() => workspace.undoManager.undo())
  expect(area.value).toBe('Incident 42: ')
})

/**
 * A teammate who starts the same note, with their document's changes ready to send. Their
 * client id is the lower one, so where both type first, Yjs puts their text before mine.
 */
function teammateStarting(workspace: { governance: Governance }, words: string) {
  const teammate = new Governance(new Y.Doc())
  teammate.doc.clientID = workspace.governance.doc.clientID - 1
  Y.applyUpdate(teammate.doc, Y.encodeStateAsUpdate(workspace.governance.doc))
  teammate.doc.transact(() => teammate.annotations.text('run-1').insert(0, words))
  return () => Y.applyUpdate(workspace.governance.doc, Y.encodeStateAsUpdate(teammate.doc), 'sync')
}

test('a teammate’s text that arrives between my first keystroke and the editor binding to the note: the caret stays in my text', () => {
  const { workspace } = renderWithWorkspace(<AnnotationEditor subject="run-1" />)
  const area = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  area.focus()
  const deliver = teammateStarting(workspace, 'PR 4711 merged. ')
  // Their text lands as my keystroke is stored, before React re-renders and binds the editor.
  const doc = workspace.governance.doc
  const afterMyKeystroke = (transaction: Y.Transaction) => {
    if (transaction.origin !== LOCAL_EDIT) return
    doc.off('afterTransaction', afterMyKeystroke)
    deliver()
  }
  doc.on('afterTransaction', afterMyKeystroke)
  // My first input (a paste, say) leaves the caret inside it: "Ro|ot".
  type(area, 'Root', 2)
  const text = workspace.governance.annotations.text('run-1').toString()
  expect(text).toBe('PR 4711 merged. Root')
  expect(area.value).toBe(text)
  // Still between "Ro" and "ot": neither where it was in my text alone nor at the end.
  expect(area.selectionStart).toBe('PR 4711 merged. Ro'.length)
})

test('my first keystroke on a note a teammate started but the editor does not show yet keeps their text', () => {
  const { workspace } = renderWithWorkspace(<AnnotationEditor subject="run-1" />)
  const area = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  area.focus()
  const deliver = teammateStarting(workspace, 'PR 4711 merged. ')
  act(() => {
    deliver()
    type(area, 'R')
  })
  const text = workspace.governance.annotations.text('run-1').toString()
  expect(text).toBe('RPR 4711 merged. ')
  expect(area.value).toBe(text)
  expect(area.selectionStart).toBe(1)
})

test('value category and evidence links are stored on the note; evidence can be removed', () => {
  const { workspace } = renderWithWorkspace(<AnnotationEditor subject="run-7" />)
  fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'prevented-incident' } })
  expect(workspace.governance.annotations.get('run-7')?.valueCategory).toBe('prevented-incident')

  fireEvent.change(screen.getByLabelText('Evidence reference'), { target: { value: ' org/web#1234 ' } })
  fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }))
  fireEvent.change(screen.getByLabelText('Evidence kind'), { target: { value: 'incident' } })
  fireEvent.change(screen.getByLabelText('Evidence reference'), { target: { value: 'INC-2041' } })
  fireEvent.keyDown(screen.getByLabelText('Evidence reference'), { key: 'Enter' })
  expect(workspace.governance.annotations.get('run-7')?.evidence).toEqual([
    { kind: 'pr', ref: 'org/web#1234' },
    { kind: 'incident', ref: 'INC-2041' },
  ])
  expect(screen.getByRole('list', { name: 'Evidence' }).textContent).toContain('INC-2041')

  // Empty and duplicate references are explained, not stored.
  fireEvent.click(screen.getByRole('button', { name: 'Add evidence' }))
  expect(screen.getByRole('alert').textContent).toContain('Enter a reference')

  fireEvent.click(screen.getByRole('button', { name: 'Remove Pull request org/web#1234' }))
  expect(workspace.governance.annotations.get('run-7')?.evidence).toEqual([{ kind: 'incident', ref: 'INC-2041' }])
})

test('one editor can move from run to run (as in a review queue): each subject keeps its own note', () => {
  const { workspace, rerender } = renderWithWorkspace(<AnnotationEditor subject="run-a" />)
  type(screen.getByLabelText('Outcome note') as HTMLTextAreaElement, 'Note A')
  rerender(<AnnotationEditor subject="run-b" />)
  expect((screen.getByLabelText('Outcome note') as HTMLTextAreaElement).value).toBe('')
  type(screen.getByLabelText('Outcome note') as HTMLTextAreaElement, 'Note B')
  rerender(<AnnotationEditor subject="run-a" />)
  expect((screen.getByLabelText('Outcome note') as HTMLTextAreaElement).value).toBe('Note A')
  expect(workspace.governance.annotations.text('run-b').toString()).toBe('Note B')
})
