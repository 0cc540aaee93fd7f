import fc from 'fast-check'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { applyChange, diffText, mapPosition, mapSelection, rebaseChange, type TextChange } from './textDiff'

/** What the editor does on input: the minimal change, applied to the shared text. */
function applyToYText(text: Y.Text, change: TextChange | null): void {
  if (!change) return
  text.doc!.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove)
    if (change.insert) text.insert(change.index, change.insert)
  })
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

test('a local edit becomes the smallest replacement between common prefix and suffix', () => {
  expect(diffText('same', 'same')).toBeNull()
  expect(diffText('', 'hello')).toEqual({ index: 0, remove: 0, insert: 'hello' })
  expect(diffText('fixed the bug', 'fixed the nasty bug')).toEqual({ index: 10, remove: 0, insert: 'nasty ' })
  expect(diffText('fixed the nasty bug', 'fixed the bug')).toEqual({ index: 10, remove: 6, insert: '' })
  expect(diffText('PR 123 merged', 'PR 456 merged')).toEqual({ index: 3, remove: 3, insert: '456' })
  expect(diffText('abc', '')).toEqual({ index: 0, remove: 3, insert: '' })
})

test('the caret places an ambiguous change where the person typed', () => {
  // Typing "a" at the very start of "aa": without the caret the insert would land at the end.
  expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' })
  expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
  // A teammate's "R" follows my "P", and I type "R" between them: it goes before theirs.
  expect(diffText('PR', 'PRR', 2)).toEqual({ index: 1, remove: 0, insert: 'R' })
  // Deleting the first of three identical characters.
  expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, remove: 1, insert: '' })
  for (const [before, after, caret] of [['aa', 'aaa', 1], ['aaa', 'aa', 0], ['xyxy', 'xyxyxy', 2]] as const) {
    expect(applyChange(before, diffText(before, after, caret))).toBe(after)
  }
})

test('surrogate pairs are never split', () => {
  const before = 'ship 😀 it'
  const after = 'ship 😃 it' // same high surrogate, different low surrogate
  const change = diffText(before, after)!
  expect(change).toEqual({ index: 5, remove: 2, insert: '😃' })
  expect(applyChange(before, change)).toBe(after)
  const suffixCase = diffText('a😀', 'b😀')!
  expect(applyChange('a😀', suffixCase)).toBe('b😀')
  expect(diffText('😀x', '😃x')).toEqual({ index: 0, remove: 2, insert: '😃' })
})

test('random edits round-trip through the change', () => {
  const alphabet = ['a', 'b', ' ', '😀', '\n']
  let seed = 7
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  for (let i = 0; i < 500; i++) {
    const make = () => Array.from({ length: random(8) }, () => alphabet[random(alphabet.length)]).join('')
    const before = make()
    const after = make()
    expect(applyChange(before, diffText(before, after))).toBe(after)
    const caret = random(after.length + 1)
    expect(applyChange(before, diffText(before, after, caret))).toBe(after)
  }
})

test('a caret moves with text inserted or deleted before it, and stays put for text after it', () => {
  // "hello world", caret after "hello" (5)
  expect(mapPosition(5, [{ insert: '>> ' }])).toBe(8)
  expect(mapPosition(5, [{ retain: 6 }, { insert: 'big ' }])).toBe(5)
  expect(mapPosition(5, [{ retain: 5 }, { insert: '!' }])).toBe(5) // at the caret: not dragged along
  expect(mapPosition(5, [{ delete: 2 }])).toBe(3)
  expect(mapPosition(5, [{ retain: 3 }, { delete: 5 }])).toBe(3) // the deletion spans the caret
  expect(mapPosition(5, [{ retain: 5 }, { delete: 3 }])).toBe(5)
  expect(mapPosition(5, [{ insert: 'xyz' }, { delete: 3 }])).toBe(5) // replaced before the caret
  expect(mapSelection({ start: 2, end: 7 }, [{ retain: 4 }, { insert: 'ab' }])).toEqual({ start: 2, end: 9 })
})

test('two people typing in the same note both keep their text, and each caret stays beside its own text', () => {
  const alice = new Y.Doc()
  const bob = new Y.Doc()
  const aliceText = alice.getText('note')
  const bobText = bob.getText('note')
  aliceText.insert(0, 'Fixed the flaky test.')
  sync(alice, bob)

  // Both edit the same value concurrently, each from their own textarea.
  const aliceValue = 'Fixed the flaky test. Saved a day of reruns.'
  const bobValue = 'Fixed the flaky checkout test.'
  applyToYText(aliceText, diffText(aliceText.toString(), aliceValue, aliceValue.length))
  applyToYText(bobText, diffText(bobText.toString(), bobValue, 'Fixed the flaky checkout'.length))

  // Alice's caret is at the end of her sentence; Bob's change arrives as a delta.
  let aliceCaret = aliceValue.length
  aliceText.observe((event) => {
    aliceCaret = mapPosition(aliceCaret, event.delta as never)
  })
  let bobCaret = 'Fixed the flaky checkout'.length
  bobText.observe((event) => {
    bobCaret = mapPosition(bobCaret, event.delta as never)
  })
  sync(alice, bob)

  const merged = 'Fixed the flaky checkout test. Saved a day of reruns.'
  expect(aliceText.toString()).toBe(merged)
  expect(bobText.toString()).toBe(merged)
  expect(aliceCaret).toBe(merged.length)
  expect(merged.slice(0, bobCaret)).toBe('Fixed the flaky checkout')
})

test('concurrent typing at the same spot keeps both insertions', () => {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.getText('t').insert(0, 'PR: ')
  sync(a, b)
  applyToYText(a.getText('t'), diffText('PR: ', 'PR: #12', 7))
  applyToYText(b.getText('t'), diffText('PR: ', 'PR: #34', 7))
  sync(a, b)
  const result = a.getText('t').toString()
  expect(result).toBe(b.getText('t').toString())
  expect(result).toContain('#12')
  expect(result).toContain('#34')
  expect(result.length).toBe('PR: #12#34'.length)
})

test('a local change made before a teammate’s text was shown lands beside the same characters, and both are kept (property)', () => {
  expect(rebaseChange({ index: 0, remove: 0, insert: 'R' }, { index: 0, remove: 0, insert: 'PR 4711' })).toEqual({ index: 0, remove: 0, insert: 'R' })
  expect(rebaseChange({ index: 5, remove: 0, insert: '!' }, { index: 0, remove: 0, insert: 'Note: ' })).toEqual({ index: 11, remove: 0, insert: '!' })
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(), (base, local, remote, at) => {
      // Each side inserts somewhere in the text both started from.
      const mine = { index: at % (base.length + 1), remove: 0, insert: local }
      const theirs = diffText(base, remote.length ? base.slice(0, (at * 7) % (base.length + 1)) + remote + base.slice((at * 7) % (base.length + 1)) : base)
      if (!theirs) return
      const merged = applyChange(applyChange(base, theirs), rebaseChange(mine, theirs))
      expect(merged.length).toBe(base.length + local.length + remote.length)
      expect(merged).toContain(local)
    }),
  )
})

test('with the caret, typed or deleted text is found exactly where it was typed, however repetitive the text (property)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'R', ' '), maxLength: 10 })
  fc.assert(
    fc.property(text, text.filter((typed) => typed.length > 0), fc.nat(), (before, typed, at) => {
      const index = at % (before.length + 1)
      const after = before.slice(0, index) + typed + before.slice(index)
      expect(diffText(before, after, index + typed.length)).toEqual({ index, remove: 0, insert: typed })
    }),
  )
  fc.assert(
    fc.property(text.filter((before) => before.length > 0), fc.nat(), fc.nat(), (before, at, length) => {
      const index = at % before.length
      const remove = 1 + (length % (before.length - index))
      expect(diffText(before, before.slice(0, index) + before.slice(index + remove), index)).toEqual({ index, remove, insert: '' })
    }),
  )
})
