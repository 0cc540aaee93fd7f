import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { latin1InScript } from './latin1'

const nodeLatin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

describe('latin1InScript (the browser has no byte-per-char reader of its own)', () => {
  it('reads any bytes one char per byte, as Node reads latin1: ASCII, high bytes, views, chunks past a piece', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 20_000 }),
      fc.uint8Array({ max: 0x7f, maxLength: 20_000 }),
      // Mostly ASCII with a "≤" somewhere, as a billing export's chunk is.
      fc.tuple(fc.uint8Array({ max: 0x7f, maxLength: 20_000 }), fc.nat()).map(([ascii, at]) => {
        const mixed = new Uint8Array(ascii.length + 3)
        const cut = ascii.length === 0 ? 0 : at % ascii.length
        mixed.set(ascii.subarray(0, cut))
        mixed.set([0xe2, 0x89, 0xa4], cut)
        mixed.set(ascii.subarray(cut), cut + 3)
        return mixed
      }),
    )
    fc.assert(
      fc.property(bytes, fc.nat(), (all, from) => {
        const view = all.subarray(all.length === 0 ? 0 : from % all.length)
        const text = latin1InScript(view)
        expect(text.length).toBe(view.length)
        expect(text).toBe(nodeLatin1(view))
      }),
      { numRuns: 300 },
    )
  })
})
