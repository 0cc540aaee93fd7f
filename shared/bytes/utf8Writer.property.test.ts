import fc from 'fast-check'
import { expect, test } from 'vitest'
import { utf8InScript, utf8Native } from './utf8Writer'

/** Any UTF-16 text: whole code points, and lone surrogates of either half. */
const anyText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit))), { maxLength: 100 })
  .map((parts) => parts.join(''))

test("the script's UTF-8 writer writes what TextEncoder writes, for any text (lone surrogates as U+FFFD)", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const [mine, native] = [new Uint8Array(text.length * 3), new Uint8Array(text.length * 3)]
      const length = utf8InScript(text, mine)
      expect(length).toBe(utf8Native(text, native))
      expect(mine.subarray(0, length)).toEqual(new TextEncoder().encode(text))
    }),
    { numRuns: 2000 },
  )
})

test('keys of every width: ASCII, two, three and four bytes, a surrogate pair split by the end', () => {
  for (const text of ['openai|proj_1|2026-10-01', 'Zürich', '≤ 1 €', '😀 rocket', '\ud83d', 'a\udc00b']) {
    const into = new Uint8Array(text.length * 3)
    expect([...into.subarray(0, utf8InScript(text, into))]).toEqual([...new TextEncoder().encode(text)])
  }
})
