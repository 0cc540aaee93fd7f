import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { hexWords } from '../hash/hexWords'
import { HashedStrings, HashedStringsBuilder, isWholePart } from './hashedStrings'
import { jsonUtf8 } from './jsonUtf8'

/** Rows as a builder takes them: a string of its own (quotes, backslashes, control and non-ASCII characters too) or four words. */
const row = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'a "quoted" \\ key', 'line\nbreak', '≤ 200k', '😀'),
  fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }),
)

function built(rows: readonly (string | number[])[]): { list: HashedStrings; expected: string[] } {
  const builder = new HashedStringsBuilder()
  for (const value of rows) {
    if (typeof value === 'string') builder.add(value)
    else builder.addHash(value)
  }
  expect(builder.length).toBe(rows.length)
  const expected = rows.map((value) => (typeof value === 'string' ? value : hexWords(value)))
  return { list: new HashedStrings([builder.part()]), expected }
}

describe('HashedStrings', () => {
  test('lists each row: its own string, or the hex of its four words; in parts, one after another (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 100 }), fc.array(row, { maxLength: 100 }), (first, second) => {
        const a = built(first)
        const b = built(second)
        const list = new HashedStrings([...a.list.parts, ...b.list.parts])
        expect(list.length).toBe(first.length + second.length)
        expect(list.strings()).toEqual([...a.expected, ...b.expected])
        expect(isWholePart(a.list.parts[0])).toBe(true)
      }),
    )
  })

  test('jsonUtf8 writes it as JSON.stringify writes the list of its strings, byte for byte (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 100 }), fc.array(row, { maxLength: 100 }), (first, second) => {
        const list = new HashedStrings([...built(first).list.parts, ...built(second).list.parts])
        const value = { t: 'raw', v: list, after: [1, 'x'] }
        expect(jsonUtf8(value)).toEqual(new TextEncoder().encode(JSON.stringify({ ...value, v: list.strings() })))
      }),
    )
  })

  test('written over many pages, grown in place or joined, it is the same bytes', () => {
    const rows = Array.from({ length: 70_000 }, (_, index) => (index % 9 === 0 ? `row ${index}` : [index, -index, index * 7919, ~index]))
    const { list, expected } = built(rows)
    const text = (bytes: Uint8Array) => new TextDecoder().decode(new Uint8Array(bytes))
    expect(text(jsonUtf8(list))).toBe(JSON.stringify(expected))
    expect(text(jsonUtf8(list, { growInPlace: true, reservedBytes: 1 << 20 }))).toBe(JSON.stringify(expected))
  })

  test('a part is whole only with one string of its own for each row not hashed and four words for each hashed one', () => {
    const { list } = built(['a', [1, 2, 3, 4], 'b'])
    const part = list.parts[0]
    expect(isWholePart(part)).toBe(true)
    expect(isWholePart({ ...part, others: ['a'] })).toBe(false)
    expect(isWholePart({ ...part, others: ['a', 'b', 'c'] })).toBe(false)
    expect(isWholePart({ ...part, words: part.words.subarray(0, 3) })).toBe(false)
    expect(isWholePart({ ...part, hashed: Uint8Array.of(0, 2, 0) })).toBe(false)
  })
})
