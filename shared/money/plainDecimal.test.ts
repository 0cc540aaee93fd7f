import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseDecimal } from './decimal'
import { MOST_EXACT_DIGITS, type PlainDecimal, readPlainDecimal } from './plainDecimal'

test('reads exactly a sign, digits and one point, and what it reads of 15 digits or fewer is what parseDecimal reads (property)', () => {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'+-.0123456789a '), maxLength: 24 }),
    fc.tuple(fc.constantFrom('', '-', '+'), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 }), fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 20 }))).map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`),
  )
  const read: PlainDecimal = { units: 0, scale: 0, digits: 0, from: 0 }
  fc.assert(
    fc.property(text, (value) => {
      const plain = /^[+-]?\d*(\.\d*)?$/.test(value)
      expect(readPlainDecimal(value, read)).toBe(plain)
      if (!plain) return
      expect(read.digits).toBe(value.replace(/[^0-9]/g, '').length)
      expect(read.from).toBe(/^[+-]/.test(value) ? 1 : 0)
      if (read.digits === 0 || read.digits > MOST_EXACT_DIGITS) return
      const decimal = parseDecimal(value)
      expect(BigInt(read.units)).toBe(decimal.units)
      expect(read.scale).toBe(decimal.scale)
    }),
    { numRuns: 2000 },
  )
})
