import fc from 'fast-check'
import { expect, test } from 'vitest'
import { hex32 } from './hex32'

test('formats any 32-bit word, signed or not, as 8 hex digits (property)', () => {
  expect(hex32(0)).toBe('00000000')
  expect(hex32(-1)).toBe('ffffffff')
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.integer({ min: 0 }).map((low) => low + 2 ** 31)), (word) => {
      expect(hex32(word)).toBe((word >>> 0).toString(16).padStart(8, '0'))
    }),
  )
})
