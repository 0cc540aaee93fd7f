import { describe, expect, test } from 'vitest'
import { makeCharge } from '../../test/support/analysisFixtures'
import { type BuiltColumns, createBatch, type BatchInput } from './batch'
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
})
