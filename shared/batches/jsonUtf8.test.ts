import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Json } from './columnCodec'
import { jsonUtf8 } from './jsonUtf8'

const viaOneString = (value: Json) => new TextEncoder().encode(JSON.stringify(value))
// toEqual on megabytes of bytes takes seconds.
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, at) => byte === b[at])

// Scalars that stringify in every way JSON has: escapes, lone surrogates, astral and
// non-Latin-1 characters, and numbers JSON writes as null.
const scalar = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('≤ 200k', '"', '\\', '\n', '\u2028', '\ud800', '__proto__'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 40 }),
    fc.array(scalar, { maxLength: 200 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value

describe('jsonUtf8', () => {
  it('gives the bytes of JSON.stringify for any JSON value, whatever the slice length, in pages joined or grown in place however little first reserved', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 9 }), fc.option(fc.integer({ min: 0, max: 64 })), (value, sliceLength, reservedBytes) => {
        const bytes = jsonUtf8(value, { sliceLength, growInPlace: reservedBytes !== null, reservedBytes: reservedBytes ?? undefined })
        expect(sameBytes(bytes, viaOneString(value))).toBe(true)
        // Pages joined make a buffer a browser's TextDecoder takes: not a resizable one.
        expect((bytes.buffer as ArrayBuffer).resizable).toBe(reservedBytes !== null)
      }),
      { numRuns: 400 },
    )
  })

  it('joins pages when the value is larger than one', () => {
    const value = { t: 'raw', v: Array.from({ length: 300_000 }, (_, i) => (i % 3 === 0 ? `≤ ${i}` : i % 3 === 1 ? i * 1.5 : null)) } as Json
    const bytes = jsonUtf8(value)
    expect(bytes.length).toBeGreaterThan(2 << 20)
    expect(sameBytes(bytes, viaOneString(value))).toBe(true)
    // Strings of printable ASCII, copied as they are: many across page ends, one longer than a page.
    const ascii = ['x'.repeat(3 << 20), ...Array.from({ length: 300_000 }, (_, i) => `key-${i}`), 'a "quoted" one']
    expect(sameBytes(jsonUtf8(ascii), viaOneString(ascii))).toBe(true)
    // Grown in place, within what the buffer reserved and past it (moved to a bigger one).
    expect(sameBytes(jsonUtf8(ascii, { growInPlace: true }), viaOneString(ascii))).toBe(true)
    expect(sameBytes(jsonUtf8(value, { growInPlace: true, reservedBytes: 1 << 20 }), viaOneString(value))).toBe(true)
  })

  it('writes an Int32Array as JSON.stringify writes the list of its numbers, beside other values and across pages (property)', () => {
    const int32 = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, -10_000, 10_001, 99_999_999, 100_000_000, 100_000_001, -(2 ** 31), 2 ** 31 - 1))
    fc.assert(
      fc.property(fc.array(int32, { maxLength: 300 }), json, fc.integer({ min: 1, max: 9 }), (numbers, other, sliceLength) => {
        const ids = Int32Array.from(numbers)
        expect(new TextDecoder().decode(jsonUtf8({ i: ids, other, list: [ids, other] }, { sliceLength }))).toBe(JSON.stringify({ i: numbers, other, list: [numbers, other] }))
      }),
      { numRuns: 300 },
    )
    const many = Int32Array.from({ length: 400_000 }, (_, i) => (i * 7919) % 1_000_003 - 500_000)
    expect(sameBytes(jsonUtf8({ t: 'dict', i: many }), viaOneString({ t: 'dict', i: [...many] }))).toBe(true)
  })

  it('writes a list\'s runs of integers as JSON.stringify does, among other numbers and values and across pages (property)', () => {
    const number = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(-0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 0.5, -1e21, NaN, Infinity), fc.double())
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: number }, { weight: 1, arbitrary: json }), { maxLength: 300 }), fc.integer({ min: 1, max: 9 }), (list, sliceLength) => {
        expect(new TextDecoder().decode(jsonUtf8(list, { sliceLength }))).toBe(JSON.stringify(list))
      }),
      { numRuns: 300 },
    )
    const lines = Array.from({ length: 400_000 }, (_, i) => (i % 1000 === 999 ? -i : i + 2))
    expect(sameBytes(jsonUtf8({ n: lines }), viaOneString({ n: lines }))).toBe(true)
  })

  it('leaves out a key set to undefined, as JSON.stringify does', () => {
    const value = { a: undefined, b: [{ c: undefined, d: 1 }] } as unknown as Json
    expect(new TextDecoder().decode(jsonUtf8(value))).toBe(JSON.stringify(value))
  })

  it('keeps a key named __proto__ as JSON.stringify does', () => {
    const value = JSON.parse('{"__proto__":[1,{"a":[]}],"b":{}}') as Json
    expect(new TextDecoder().decode(jsonUtf8(value, { sliceLength: 1 }))).toBe('{"__proto__":[1,{"a":[]}],"b":{}}')
  })
})
