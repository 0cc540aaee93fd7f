import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createBatch } from '../../../shared/batches/batch'
import { makeCharge } from '../../../test/support/analysisFixtures'
import type { ImportOutcome } from '../../../shared/importers/jobs/jobTypes'
import { ChargeIdentityLog } from '../../../shared/batches/identities'
import { hexWords } from '../../../shared/hash/hexWords'
import { packIdentities, postedResult, receivedResult, unpackIdentities } from './packedIdentities'

test('identities come back as they were packed, whatever their characters, through a structured clone', () => {
  const identities = fc.dictionary(fc.string(), fc.array(fc.string({ unit: 'binary' })))
  fc.assert(
    fc.property(identities, (byFormat) => {
      const original = new Map(Object.entries(byFormat))
      const received = unpackIdentities(structuredClone(packIdentities(original)))
      expect(new Map(received)).toEqual(original)
      expect(received.size).toBe(original.size)
      for (const format of original.keys()) expect(received.get(format)).toEqual(original.get(format))
    }),
  )
})

test('an import outcome crosses with its payload and identities, the buffers moved rather than copied', () => {
  const charges = [makeCharge({ identity: 'a' }), makeCharge({ identity: 'b', format: 'openai-costs' })]
  const batch = createBatch({ kind: 'charges', format: 'test', fileNames: ['x.csv'], records: charges, totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-12-01T00:00:00.000Z' })
  const outcome: ImportOutcome = { kind: 'import-billing', summary: { status: 'ok', format: 'test', formatLabel: null, records: 2, errors: [], errorCount: 0, warnings: [], bytes: 10, files: ['x.csv'] }, batch }
  const expected = { meta: batch.meta, payload: batch.payload.slice(), identities: new Map(batch.identities) }
  const { posted, transfer } = postedResult(outcome)
  const received = receivedResult(structuredClone(posted, { transfer })) as ImportOutcome
  expect(batch.payload.byteLength).toBe(0)
  expect(received.batch?.meta).toEqual(expected.meta)
  expect(received.batch?.payload).toEqual(expected.payload)
  expect(new Map(received.batch!.identities)).toEqual(expected.identities)
  expect(receivedResult(structuredClone(postedResult({ ...outcome, batch: null }).posted))).toEqual({ ...outcome, batch: null })
})

test('identities kept packed cross as they are kept, their typed arrays moved, and read as the strings they stand for (property)', () => {
  const row = fc.oneof(fc.string(), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }))
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('openai-cost', 'focus'), row), { maxLength: 200 }), (rows) => {
      const log = new ChargeIdentityLog()
      const expected = new Map<string, string[]>()
      for (const [format, value] of rows) {
        log.note(format, typeof value === 'string' ? value : hexWords(value), typeof value === 'string' ? null : value)
        expected.set(format, [...(expected.get(format) ?? []), typeof value === 'string' ? value : hexWords(value)])
      }
      const packed = packIdentities(log.identities())
      const buffers = [...new Set(packed.lists.flat().flatMap(({ hashed, words }) => [hashed.buffer, words.buffer]))]
      const received = unpackIdentities(structuredClone(packed, { transfer: buffers }))
      expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true)
      expect(received.size).toBe(expected.size)
      expect(new Map(received)).toEqual(expected)
    }),
  )
})
