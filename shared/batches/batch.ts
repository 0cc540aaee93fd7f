import type { BatchIssue, BatchMeta } from '../records/batch'
import { CHARGE_IDENTITY_VERSION } from '../records/chargeIdentity'
import { type Column, COLUMN_FORMAT, encodeRecordColumns, type EncodedRecords } from './columnCodec'
import type { Charge } from '../records/charge'
import { type BatchContent, batchContentHash, batchContentHashAsync, contentOfColumns } from './batchPayload'
import { storedSummaryOf, summarizeChargeColumns } from './chargeSummary'
import { type ChargeIdentities, noteChargeIdentity } from './identities'
import type { JsonWritable } from './jsonUtf8'

export interface BatchInput {
  kind: BatchMeta['kind']
  format: string
  fileNames: string[]
  /** The records, or what they were added to as they were read. */
  records: readonly unknown[] | BuiltColumns
  totals: Record<string, string>
  from: string | null
  to: string | null
  skipped: BatchIssue[]
  warnings: BatchIssue[]
  importedAt: string
  /**
   * A charges batch whose records were built: the identities noted as they were added, one a
   * row and unique as the import pipeline makes them (UniqueIdentities; the batch's summary
   * counts on it). An array's are read from it, and checked.
   */
  identities?: ChargeIdentities
  /** Whether the payload may be a view on a resizable buffer, grown in place (jsonUtf8's `growInPlace`): only where Node alone reads it. */
  payloadInPlace?: boolean
}

/**
 * Records added to columns as they were read (a billing batch: ChargeBatchBuilder): the
 * columns, and what the payload writes for them, which may hold values the columns keep only
 * a placeholder of (the batch's identities, never made as a million strings: HashedStrings).
 */
export interface BuiltColumns {
  readonly length: number
  /** The builder is spent. */
  finish(): { column: Column; written: JsonWritable }
}

/** A built batch: what the ledger stores, and the identities of its charges (empty for other kinds). */
export interface Batch {
  meta: BatchMeta
  payload: Uint8Array
  identities: ChargeIdentities
  /** A charges batch's summary, stored beside its payload (see chargeSummary.ts); absent when the ledger must read its rows. */
  summary?: Uint8Array
}

/** Packs parsed records into an immutable batch keyed by the hash of its content. */
export function createBatch(input: BatchInput): Batch {
  const encoded = encodeBatch(input)
  return batchOf(input, encoded.columns)(batchContentHash(input.kind, encoded.payload), encoded.payload)
}

/** createBatch, its content hashed by the platform's asynchronous hash when it has one (see installAsyncContentHash): the import pipeline's big batches. */
export async function createBatchAsync(input: BatchInput): Promise<Batch> {
  const encoded = encodeBatch(input)
  const payloadAt = encoded.content.length - encoded.payload.length
  const hashed = batchContentHashAsync(input.kind, encoded)
  // Summed while the content is hashed on another thread: only the summary's digest needs the id.
  const withId = batchOf(input, encoded.columns)
  const { id, content } = await hashed
  return withId(id, content.subarray(payloadAt))
}

type EncodedBatch = BatchContent & { columns: EncodedRecords }

function encodeBatch(input: BatchInput): EncodedBatch {
  const { records } = input
  if (!isBuilt(records)) {
    const columns = encodeRecordColumns(records)
    return { columns, ...contentOfColumns(input.kind, columns, input.payloadInPlace) }
  }
  const { column, written } = records.finish()
  const columns = { format: COLUMN_FORMAT, length: records.length, column }
  return { columns, ...contentOfColumns(input.kind, { ...columns, column: written }, input.payloadInPlace) }
}

/** The batch of encoded records, once given the id their content hashes to and their payload. */
function batchOf(input: BatchInput, columns: EncodedRecords): (id: string, payload: Uint8Array) => Batch {
  const identities = input.kind === 'charges' ? chargeIdentities(input) : new Map<string, string[]>()
  const unique = input.identities !== undefined || [...identities.values()].every((list) => new Set(list).size === list.length)
  // One format, as a file's charges have: anything else gets no summary.
  const format = identities.size === 1 ? [...identities.keys()][0] : null
  const summary = input.kind === 'charges' && columns.length > 0 && unique && format !== null ? summarizeChargeColumns(columns, format) : null
  return (id, payload) => ({ meta: metaOf(input, id), payload, identities, ...(summary ? { summary: storedSummaryOf(summary, id) } : {}) })
}

function metaOf(input: BatchInput, id: string): BatchMeta {
  return {
    id,
    kind: input.kind,
    format: input.format,
    fileNames: input.fileNames,
    importedAt: input.importedAt,
    records: input.records.length,
    totals: input.totals,
    from: input.from,
    to: input.to,
    skipped: input.skipped,
    warnings: input.warnings,
    ...(input.kind === 'charges' ? { identityVersion: CHARGE_IDENTITY_VERSION } : {}),
  }
}

function isBuilt(records: BatchInput['records']): records is BuiltColumns {
  return !Array.isArray(records)
}

function chargeIdentities(input: BatchInput): ChargeIdentities {
  if (input.identities) return input.identities
  if (!Array.isArray(input.records)) throw new Error('a charges batch built column by column needs the identities noted as its rows were added')
  const identities = new Map<string, string[]>()
  for (const charge of input.records as readonly Charge[]) noteChargeIdentity(identities, charge)
  return identities
}
