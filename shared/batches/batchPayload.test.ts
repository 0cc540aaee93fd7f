import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../hash/sha256'
import { batchContentHash, contentOfColumns, encodeBatchPayload } from './batchPayload'
import { encodeRecordColumns } from './columnCodec'

const record = fc.record({ cost: fc.oneof(fc.constant('1.50'), fc.string()), model: fc.constantFrom('gpt-5', 'Claude ≤ 200k', null), tokens: fc.integer() })

describe('contentOfColumns (a batch written once as its id hashes it)', () => {
  it('is the kind\'s line then the payload encodeBatchPayload writes, whose SHA-256 is the batch id', () => {
    fc.assert(
      fc.property(fc.constantFrom('charges', 'runs', 'é'), fc.array(record, { maxLength: 30 }), fc.boolean(), (kind, records, growInPlace) => {
        const columns = encodeRecordColumns(records)
        const { content, payload } = contentOfColumns(kind, columns, growInPlace)
        const line = new TextEncoder().encode(`${kind}\n`)
        expect([...payload]).toEqual([...encodeBatchPayload(records)])
        expect([...content.subarray(0, line.length)]).toEqual([...line])
        expect(content.length).toBe(line.length + payload.length)
        expect(sha256Hex(content)).toBe(batchContentHash(kind, payload))
      }),
      { numRuns: 100 },
    )
  })
})
