import { describe, expect, test } from 'vitest'
import { makeCharge } from '../analysis/testFixtures'
import { type BuiltColumns, createBatch, createBatchAsync, type BatchInput } from './batch'
import { batchContentHash } from './batchPayload'
import { COLUMN_FORMAT, encodeColumn, type Json } from './columnCodec'

const common: Omit<BatchInput, 'kind' | 'records'> = {
  format: 'mixed', fileNames: ['cost.csv'], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-12-06T00:00:00.000Z',
}

describe('createBatch', () => {
  test("a charges batch carries its rows' identities per format, in row order", () => {
    const charges = [makeCharge({ format: 'openai-cost', identity: 'x' }), makeCharge({ format: 'focus', identity: 'y' }), makeCharge({ format: 'openai-cost', identity: 'z' })]
    const batch = createBatch({ ...common, kind: 'charges', records: charges })
    expect([...batch.identities]).toEqual([['openai-cost', ['x', 'z']], ['focus', ['y']]])
    expect(createBatch({ ...common, kind: 'runs', records: [] }).identities.size).toBe(0)
  })

  test('a charges batch built column by column takes the identities noted while it was built, and stores what its payload writes', () => {
    const column = encodeColumn([makeCharge({ identity: 'x' }), makeCharge({ identity: 'y' })] as unknown as Json[])
    const written = { ...column, written: true }
    const records: BuiltColumns = { length: 2, finish: () => ({ column, written }) }
    expect(() => createBatch({ ...common, kind: 'charges', records })).toThrow(/needs the identities/)
    const identities = new Map([['anthropic-console-cost', ['x', 'y']]])
    const batch = createBatch({ ...common, kind: 'charges', records, identities })
    expect(batch.identities).toBe(identities)
    expect(JSON.parse(new TextDecoder().decode(batch.payload))).toEqual({ format: COLUMN_FORMAT, length: 2, column: written })
  })

  test('createBatchAsync hashes on another thread while it summarizes, and when that thread fails hashes here: the same batch either way', async () => {
    const charges = Array.from({ length: 40 }, (_, i) => makeCharge({ format: 'openai-cost', identity: `row-${i}`, model: `m${i % 3}`, cost: `${i}.25` }))
    const input: BatchInput = { ...common, kind: 'charges', format: 'openai-cost', records: charges }
    const here = createBatch(input)
    expect(here.summary).toBeDefined()
    const handed: Uint8Array[] = []
    const elsewhere = await createBatchAsync({
      ...input,
      async hashElsewhere(kind, payload) {
        handed.push(payload)
        // Handed back as another view, as a transferred buffer comes back.
        return { id: batchContentHash(kind, payload), payload: new Uint8Array(payload.buffer.slice(0), payload.byteOffset, payload.byteLength) }
      },
    })
    expect(handed).toHaveLength(1)
    expect(elsewhere).toEqual(here)
    const failed = await createBatchAsync({ ...input, hashElsewhere: () => Promise.reject(new Error('the thread stopped')) })
    expect(failed).toEqual(here)
  })
})
