import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonStringEnd } from './jsonStringEnd'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** The index of the quote at which a JSON string opened just before `start` ends, by JSON.parse (a string has one end, if any). */
function endByJsonParse(bytes: Uint8Array, start: number, end: number): number {
  for (let k = start; k < end; k++) {
    if (bytes[k] !== 34) continue
    try {
      if (typeof JSON.parse('"' + decoder.decode(bytes.subarray(start, k + 1))) === 'string') return k
    } catch {
      // Not the end: an escaped quote, or the content before it is not valid.
    }
  }
  return -1
}

// Bytes that matter to a JSON string (quotes, backslashes, escape letters, hex digits, control
// characters, UTF-8 lead and continuation bytes) among plain ones, in runs long enough to fill words.
const byte = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...encoder.encode('"\\\\u/bfnrtx0aF9 ')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 31 }) },
  { weight: 1, arbitrary: fc.integer({ min: 128, max: 255 }) },
  { weight: 4, arbitrary: fc.constantFrom(...encoder.encode('plain text, words and more words')) },
)
// A string as JSON writes it (its content, closing quote and what follows), any text in it.
const written = fc.tuple(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u001f', 'a', 'é', '—') })), fc.array(byte, { maxLength: 8 }))
  .map(([text, tail]) => [...encoder.encode(JSON.stringify(text).slice(1)), ...tail])
// ... with one byte put in anywhere: a raw control character, a backslash, a quote, anything.
const brokenOnce = fc.tuple(written, fc.nat(), fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(34, 92), fc.integer({ min: 0, max: 255 }))).map(([bytes, at, put]) => bytes.toSpliced(at % (bytes.length + 1), 0, put))
const content = fc.oneof(fc.array(byte, { maxLength: 80 }), written, brokenOnce)

describe('jsonStringEnd (property)', () => {
  it('finds where JSON.parse ends the string, or -1 when it would not accept it, at any offset in any buffer', () => {
    fc.assert(
      fc.property(content, fc.nat(7), fc.nat(7), fc.nat(3), (bytes, before, after, cut) => {
        // The line lies at any alignment in a bigger buffer (the 32-bit words are read from the buffer).
        const buffer = new Uint8Array(before + bytes.length + after).fill(34)
        buffer.set(bytes, before)
        const line = buffer.subarray(before, before + bytes.length)
        const end = Math.max(0, line.length - cut)
        expect(jsonStringEnd(line, 0, end)).toBe(endByJsonParse(line, 0, end))
      }),
      { numRuns: 3000 },
    )
  })

  it('ends a long string of prose with escapes at its closing quote, and refuses one with a raw tab or an unknown escape', () => {
    const prose = JSON.stringify('a "quoted" word\n\tand \\ a backslash, “unicode” — é, \u0001 '.repeat(40))
    const line = encoder.encode(`{"thinking":${prose},"signature":"x"}`)
    const start = '{"thinking":"'.length
    expect(jsonStringEnd(line, start, line.length)).toBe(start + encoder.encode(prose).length - 2)
    for (const broken of [prose.replace('\\t', '\t'), prose.replace('\\n', '\\x'), prose.replace('\\u0001', '\\u00g1')]) {
      expect(jsonStringEnd(encoder.encode(`{"thinking":${broken}}`), start, line.length)).toBe(-1)
    }
  })
})
