import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createBatch } from '../../../shared/batches/batch'
import { makeCharge } from '../../../shared/analysis/testFixtures'
import type { ImportOutcome } from '../../../shared/importers/jobs/jobTypes'
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
