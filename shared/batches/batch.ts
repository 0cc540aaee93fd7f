import type { BatchIssue, BatchMeta } from '../records/batch'
import { CHARGE_IDENTITY_VERSION } from '../records/chargeIdentity'
import type { ColumnBuilder } from './columnCodec'
import { batchContentHash, encodeBatchPayload } from './batchPayload'

export interface BatchInput {
  kind: BatchMeta['kind']
  format: string
  fileNames: string[]
  /** The records, or the builder they were added to as they were read. */
  records: readonly unknown[] | ColumnBuilder
  totals: Record<string, string>
  from: string | null
  to: string | null
  skipped: BatchIssue[]
  warnings: BatchIssue[]
  importedAt: string
}

/** Packs parsed records into an immutable batch keyed by the hash of its content. */
export function createBatch(input: BatchInput): { meta: BatchMeta; payload: Uint8Array } {
  const payload = encodeBatchPayload(input.records)
  const meta: BatchMeta = {
    id: batchContentHash(input.kind, payload),
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
  return { meta, payload }
}
