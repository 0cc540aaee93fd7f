import fc from 'fast-check'
import { expect, test } from 'vitest'
import { plural } from './plural'

/** The count read back from its grouped digits, whatever the locale groups them with. */
const readBack = (digits: string) => Number(digits.replace(/\u2212/g, '-').replace(/[^\d-]/g, ''))

test('the number reads back as the count, and the noun is `one` exactly when the count is 1', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'en-IN', 'sv-SE'),
      fc.stringMatching(/^[a-z]+( [a-z]+)?$/),
      (count, locale, one) => {
        const text = plural(count, one, `${one}!`, locale)
        const space = text.indexOf(' ')
        expect(readBack(text.slice(0, space))).toBe(count)
        expect(text.slice(space + 1)).toBe(count === 1 ? one : `${one}!`)
      },
    ),
    { numRuns: 2000 },
  )
})
