import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writtenCompactly } from './jsonLine'

const bytes = (text: string) => new TextEncoder().encode(text)
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
