import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseJsonContainerAt, peekTimestamp, writtenCompactly } from './jsonLine'

const encoder = new TextEncoder()
const bytes = (text: string) => encoder.encode(text)
const objects = fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 })

describe('writtenCompactly', () => {
  it('holds for any object as the agents write it, and for none re-saved with spaces (property)', () => {
    fc.assert(
      fc.property(objects, (object) => {
        const compact = JSON.stringify(object)
        expect(writtenCompactly(bytes(compact), 0, compact.length)).toBe(true)
        for (const spaced of [JSON.stringify(object, null, 1).replace(/\n */g, ' '), JSON.stringify(object, null, 1).replace(/\n */g, '')]) {
          const encoded = bytes(spaced)
          expect(writtenCompactly(encoded, 0, encoded.length)).toBe(false)
        }
      }),
    )
  })

  it('is false for anything that is not an object with a key, whatever the bytes (property)', () => {
    expect(writtenCompactly(bytes('{}'), 0, 2)).toBe(false)
    expect(writtenCompactly(bytes('["a":1]'), 0, 7)).toBe(false)
    expect(writtenCompactly(bytes('{"a\\":1'), 0, 7)).toBe(false)
    // Random bytes never pass unless they start as an object with a key and a colon right after it.
    fc.assert(
      fc.property(fc.uint8Array(), (random) => {
        if (writtenCompactly(random, 0, random.length)) expect([random[0], random[1], random.includes(58)]).toEqual([123, 34, true])
      }),
    )
  })
})

/** What peekTimestamp must give for the bytes after a `"timestamp":"`: up to the next quote, ASCII, unescaped, at most 40 bytes. */
function expectedTimestamp(value: Uint8Array): string | null {
  const close = value.indexOf(34)
  if (close === -1 || close > 40) return null
  const text = value.subarray(0, close)
  return text.some((byte) => byte > 127 || byte === 92) ? null : String.fromCharCode(...text)
}

function contains(haystack: ArrayLike<number>, needle: Uint8Array): boolean {
  for (let at = 0; at + needle.length <= haystack.length; at++) if (needle.every((byte, k) => haystack[at + k] === byte)) return true
  return false
}

describe('peekTimestamp', () => {
  const key = bytes('"timestamp":"')
  // Values near the canonical 24 bytes, from the bytes that matter most: digits, quotes, backslashes, non-ASCII.
  const valueBytes = fc.uint8Array({ maxLength: 48 }).chain((random) =>
    fc.array(fc.oneof(fc.integer({ min: 48, max: 58 }), fc.constantFrom(34, 92, 0, 127, 128, 255, 45, 84, 90, 46)), { minLength: 20, maxLength: 30 }).map((chosen) => Uint8Array.from([...chosen, ...random])),
  )

  it('reads the value after the key as the bytes spell it, or null when it is escaped, not ASCII, unclosed or too long (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), valueBytes, fc.boolean(), (before, value, fromEnd) => {
        // The key once, so either end finds the same value.
        fc.pre(!contains([...before, ...key.subarray(0, -1)], key) && !contains([...key.subarray(1), ...value], key))
        const line = Uint8Array.from([...before, ...key, ...value])
        expect(peekTimestamp(line, 0, line.length, fromEnd)).toBe(expectedTimestamp(value))
      }),
      { numRuns: 2000 },
    )
  })

  it('reads a canonical timestamp whole, and only within the line', () => {
    const line = bytes('{"type":"user","timestamp":"2026-01-02T03:04:05.678Z"}')
    expect(peekTimestamp(line, 0, line.length, true)).toBe('2026-01-02T03:04:05.678Z')
    expect(peekTimestamp(line, 0, line.length - 10, true)).toBeNull()
  })
})

describe('parseJsonContainerAt', () => {
  it('parses the array or object at a place in a line and says where it ends, as JSON.parse reads it there', () => {
    const container = fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()))
    fc.assert(
      fc.property(fc.string(), container, fc.string(), (before, value, after) => {
        const text = JSON.stringify(value)
        const line = encoder.encode(`${before}${text}${after}`)
        const open = encoder.encode(before).length
        expect(parseJsonContainerAt(line, open, line.length)).toEqual({ value: JSON.parse(text), end: open + encoder.encode(text).length })
      }),
    )
  })

  it('gives null for what is cut off or not JSON, never a part of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), fc.nat(), (text, cut) => {
        const line = encoder.encode(text.slice(0, cut % (text.length + 1)))
        const parsed = parseJsonContainerAt(line, 0, line.length)
        if (parsed === null) return
        // Whatever it gives is a whole JSON array or object at the start, ending where it says.
        expect(parsed.value).toEqual(JSON.parse(new TextDecoder().decode(line.subarray(0, parsed.end))))
        expect(typeof parsed.value).toBe('object')
      }),
    )
  })
})
