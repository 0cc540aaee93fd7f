import fc from 'fast-check'
import { expect, test } from 'vitest'
import { hexBytes, hexWords } from './hexWords'

test('formats 32-bit words, signed or not, as 8 hex digits each (property)', () => {
  expect(hexWords([0, -1])).toBe('00000000ffffffff')
  expect(hexWords([])).toBe('')
  const word = fc.oneof(fc.integer(), fc.integer({ min: 0 }).map((low) => low + 2 ** 31))
  fc.assert(
    fc.property(fc.array(word, { maxLength: 5 }), (words) => {
      expect(hexWords(words)).toBe(words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join(''))
    }),
  )
})

test('formats the words of a range of a list as the same words on their own would be (property)', () => {
  const word = fc.oneof(fc.integer(), fc.integer({ min: 0 }).map((low) => low + 2 ** 31))
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), fc.nat(), fc.nat(), (words, a, b) => {
      const from = words.length === 0 ? 0 : a % (words.length + 1)
      const count = b % (words.length - from + 1)
      expect(hexWords(Int32Array.from(words), from, count)).toBe(hexWords(words.slice(from, from + count)))
    }),
  )
})

test('formats bytes as 2 hex digits each, as toString(16) padded does (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      expect(hexBytes(bytes)).toBe(Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(''))
    }),
  )
})
