import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { PAYLOAD_PARTS_MAP, payloadPartKey, payloadPartUpdate } from './payloadParts'

describe('payloadPartUpdate', () => {
  test('writes the update a document of that client writes for setting the part, byte for byte (property)', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 32 - 1), fc.nat(300), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 64 }), fc.nat(100_000), fc.uint8Array({ maxLength: 400 }), (client, clock, batchId, index, part) => {
        const doc = new Y.Doc()
        doc.clientID = client
        // `clock` items of this client before the part's.
        for (let item = 0; item < clock; item++) doc.getMap('other').set(`key ${item}`, item)
        let written: Uint8Array | null = null
        doc.on('update', (update: Uint8Array) => (written = update))
        doc.getMap(PAYLOAD_PARTS_MAP).set(payloadPartKey(batchId, index), part)
        expect(payloadPartUpdate(client, clock, batchId, index, part)).toEqual(written)
      }),
      { numRuns: 200 },
    )
  })

  test('applied to a ledger, sets the part under its key, beside what the ledger holds', () => {
    const ledger = new Y.Doc()
    ledger.getMap(PAYLOAD_PARTS_MAP).set(payloadPartKey('older', 0), new Uint8Array([9]))
    const part = Uint8Array.from({ length: 3000 }, (_, i) => i % 251)
    Y.applyUpdate(ledger, payloadPartUpdate(7, 0, 'abc', 2, part))
    Y.applyUpdate(ledger, payloadPartUpdate(7, 1, 'abc', 3, part.subarray(0, 10)))
    const parts = ledger.getMap<Uint8Array>(PAYLOAD_PARTS_MAP)
    expect(parts.get(payloadPartKey('abc', 2))).toEqual(part)
    expect(parts.get(payloadPartKey('abc', 3))).toEqual(part.subarray(0, 10))
    expect(parts.get(payloadPartKey('older', 0))).toEqual(new Uint8Array([9]))
  })
})
