import fc from 'fast-check'
import { expect, test } from 'vitest'
import { hexWords } from './hexWords'

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
