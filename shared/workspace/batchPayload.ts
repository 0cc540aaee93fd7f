import { createSha256 } from '../hash/sha256'
import { type ColumnBuilder, decodeRecordColumns, encodeRecordColumns } from './columnCodec'

/**
 * The records of a batch travel as one binary blob in the ledger (Yjs stores a Uint8Array
 * with ~20 bytes of overhead, where a Y.Map of 100k entries would cost seconds to load),
 * column-encoded (see columnCodec.ts) to keep it small.
 */
export function encodeBatchPayload(records: readonly unknown[] | ColumnBuilder): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(encodeRecordColumns(records)))
}

export function decodeBatchPayload(payload: Uint8Array): unknown[] {
  const value: unknown = JSON.parse(new TextDecoder().decode(payload))
  // The first prototype stored a plain JSON list; such batches still read.
  return Array.isArray(value) ? value : decodeRecordColumns(value)
}

/** A batch's id: the content hash of its kind and records, so one file imported twice is one batch. */
export function batchContentHash(kind: string, payload: Uint8Array): string {
  // Incremental: spreading a multi-megabyte payload into an array costs seconds.
  return createSha256().update(kind + '\n').update(payload).digestHex()
}
