import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { BillingSource } from '../../shared/importers/billing/billingSource'
import type { Charge } from '../../shared/records/charge'
import { decodeBatchPayload } from '../../shared/batches/batchPayload'

/** The billing fixtures built from the documented headers (test/fixtures/billing). */
export const FIXTURES = join(__dirname, '..', 'fixtures', 'billing')

/** A fixture as the importer reads it, in small chunks so chunk boundaries get exercised. */
export function fixtureSource(file: string, chunkSize = 97): BillingSource {
  return { name: file, chunks: createReadStream(join(FIXTURES, file), { highWaterMark: chunkSize }) }
}

/** The charges an import stored in its batch, as a teammate reads them back (none when the file was rejected). */
export function storedCharges(result: { batch: { payload: Uint8Array } | null }): Charge[] {
  return result.batch ? (decodeBatchPayload(result.batch.payload) as Charge[]) : []
}
