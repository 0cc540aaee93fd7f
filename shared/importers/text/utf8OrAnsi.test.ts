import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8OrAnsi, Utf8OrAnsiDecoder } from './utf8OrAnsi'

const ANSI = { 'ü': 0xfc, 'é': 0xe9, '€': 0x80, '–': 0x96, '’': 0x92, 'ß': 0xdf }
const ansiBytes = (text: string) => Uint8Array.from([...text].map((char) => ANSI[char as keyof typeof ANSI] ?? char.charCodeAt(0)))

/**
 * The bytes cut at the given points, as the command line reads a file in uneven chunks: each
 * read into one reused Node Buffer, whose `slice` is a view that the next read overwrites.
 */
function decodeInChunks(bytes: Uint8Array, cuts: number[]): string {
  const decoder = new Utf8OrAnsiDecoder()
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
  const reused = Buffer.alloc(bytes.length)
  let text = ''
  let from = 0
  for (const point of [...points, bytes.length]) {
    reused.set(bytes.subarray(from, point))
    text += decoder.decode(reused.subarray(0, point - from))
    from = point
  }
  return text + decoder.end()
}

describe('UTF-8 with a Windows-1252 fallback', () => {
  it('reads valid UTF-8 exactly as UTF-8, however the chunks are cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text)
        expect(decodeUtf8OrAnsi(bytes)).toBe(text)
        expect(decodeInChunks(bytes, cuts)).toBe(text)
      }),
    )
  })

  it('reads the bytes that break UTF-8 as Windows-1252, beside valid UTF-8 in the same text', () => {
    const mixed = new Uint8Array([...new TextEncoder().encode('≤ 200k,'), ...ansiBytes('Zürich – €5,'), ...new TextEncoder().encode('Zürich')])
    expect(decodeUtf8OrAnsi(mixed)).toBe('≤ 200k,Zürich – €5,Zürich')
    for (let cut = 0; cut <= mixed.length; cut++) expect(decodeInChunks(mixed, [cut])).toBe('≤ 200k,Zürich – €5,Zürich')
  })

  it('never throws and never loses a byte on arbitrary input: ASCII stays where it was', () => {
    fc.assert(
      // 0xEF dropped: EF BF BD is U+FFFD itself, which valid input may hold.
      fc.property(fc.uint8Array({ maxLength: 200 }).map((bytes) => bytes.map((byte) => (byte === 0xef ? 0xee : byte))), fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const text = decodeInChunks(bytes, cuts)
        expect(text).toBe(decodeUtf8OrAnsi(bytes))
        const ascii = [...bytes].filter((byte) => byte < 0x80).map((byte) => String.fromCharCode(byte)).join('')
        expect([...text].filter((char) => char.charCodeAt(0) < 0x80).join('')).toBe(ascii)
        expect(text).not.toContain('\uFFFD')
      }),
    )
  })
})
