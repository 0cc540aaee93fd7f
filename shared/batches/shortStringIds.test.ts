import fc from 'fast-check'
import { expect, test } from 'vitest'
import { NEW, NOT_SHORT, ShortStringIds } from './shortStringIds'

// Short ASCII strings and numbers as text (which pack), longer or non-ASCII ones (which do not), with repeats.
const text = fc.oneof(
  fc.string({ maxLength: 9 }),
  fc.stringMatching(/^-?[0-9]{0,8}(\.[0-9]{0,6})?$/),
  fc.constantFrom('', '0', '-0', '0.00', 'USD', 'é', '\u0000', 'a\u007f', '12345678901234', '1.2.3'),
)

test('ids are found as a Map of the short ASCII strings gives them, through every growth and room made ahead; other strings are not short (property)', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 2000 }), fc.array(fc.tuple(fc.nat(1999), fc.nat(5000)), { maxLength: 3 }), (texts, reservations) => {
      const ids = new ShortStringIds()
      const reference = new Map<string, number>()
      for (const [index, value] of texts.entries()) {
        for (const [at, more] of reservations) if (at === index) ids.reserve(more)
        const found = ids.find(value)
        const short = /^[\u0001-\u007f]{0,7}$/.test(value) || /^[-.0-9]{8,13}$/.test(value)
        if (!short) {
          expect(found).toBe(NOT_SHORT)
          continue
        }
        if (reference.has(value)) expect(found).toBe(reference.get(value))
        else {
          expect(found).toBe(NEW)
          ids.add(reference.size)
          reference.set(value, reference.size)
        }
      }
    }),
    { numRuns: 100 },
  )
})
