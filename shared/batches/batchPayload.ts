import { createSha256 } from '../hash/sha256'
import type { z } from 'zod'
import { type Column, decodeRecordColumns, type DecodeOptions, encodeRecordColumns } from './columnCodec'
import { columnIsValid } from './columnValidation'
import { jsonUtf8, type JsonWritable } from './jsonUtf8'

/**
 * The records of a batch travel as one binary blob in the ledger (Yjs stores a Uint8Array
 * with ~20 bytes of overhead, where a Y.Map of 100k entries would cost seconds to load),
 * column-encoded (see columnCodec.ts) to keep it small.
 */
export function encodeBatchPayload(records: readonly unknown[]): Uint8Array {
  return jsonUtf8(encodeRecordColumns(records))
}

/** A batch's payload, and its content as the batch's id hashes it (batchContentHash): its kind's line, then the payload. */
export interface BatchContent {
  content: Uint8Array
  /** A view of the content after the kind's line. */
  payload: Uint8Array
}

/**
 * The payload of records already column-encoded (createBatch summarises the columns too), as
 * EncodedRecords or with columns jsonUtf8 writes as such (BuiltColumns), written after the
 * kind's line, so the content is hashed as it is: joining the two for WebCrypto's one-buffer
 * digest copied the whole payload into fresh memory. `growInPlace`: see jsonUtf8.
 */
export function contentOfColumns(kind: string, columns: { format: string; length: number; column: JsonWritable }, growInPlace = false): BatchContent {
  const line = `${kind}\n`
  const content = jsonUtf8(columns, { growInPlace, before: line })
  return { content, payload: content.subarray(new TextEncoder().encode(line).length) }
}

export function decodeBatchPayload(payload: Uint8Array): unknown[] {
  return decodeCheckedBatchPayload(payload, null).records
}

/**
 * The records, and whether every one is valid under `schema` as it is (checked column by
 * column, see columnValidation.ts). When not, the caller validates record by record. With
 * `only`, valid records come with just those keys (whole records are checked all the same);
 * records that are not valid come whole. `appended`: fields every decoded record gets besides
 * its own (see decodeRecordColumns).
 */
export function decodeCheckedBatchPayload(payload: Uint8Array, schema: z.core.$ZodType | null, { only, appended }: DecodeOptions = {}): { records: unknown[]; valid: boolean } {
  const value: unknown = JSON.parse(new TextDecoder().decode(payload))
  // The first prototype stored a plain JSON list; such batches still read.
  if (Array.isArray(value)) return { records: value, valid: false }
  const { column, length } = value as { column: Column; length: number }
  const valid = schema !== null && typeof length === 'number' && columnIsValidOrFalse(schema, column, length)
  return { records: decodeRecordColumns(value, { only: valid ? only : undefined, appended }), valid }
}

/** A column that decoded but is malformed deeper down (a damaged copy from a peer) is not valid. */
function columnIsValidOrFalse(schema: z.core.$ZodType, column: Column, length: number): boolean {
  try {
    return columnIsValid(schema, column, length)
  } catch {
    return false
  }
}

/**
 * A platform's own SHA-256 (hex) of a batch's content, its kind's line and payload in one
 * buffer (BatchContent), that only answers asynchronously (a browser's WebCrypto, which hashes
 * a million-row payload in a fraction of the time the pure SHA-256 takes, and meanwhile lets
 * the import worker go on): installed once at its start, used by the import
 * pipeline (batchContentHashAsync). The id it gives must be batchContentHash's. It may hash on
 * another thread, moving the content's buffer there and back: the content it gives back is the
 * one to read on (the one it was given may be detached).
 */
export type AsyncContentHash = (content: Uint8Array) => Promise<HashedContent>

export interface HashedContent {
  id: string
  content: Uint8Array
}

let asyncContentHash: AsyncContentHash | null = null

export function installAsyncContentHash(hash: AsyncContentHash): void {
  asyncContentHash = hash
}

/** batchContentHash of a batch's content, by the platform's asynchronous hash when it installed one, and the content to read on (see AsyncContentHash). */
export function batchContentHashAsync(kind: string, { content, payload }: BatchContent): Promise<HashedContent> {
  return asyncContentHash ? asyncContentHash(content) : Promise.resolve({ id: batchContentHash(kind, payload), content })
}

/** A batch's id: the content hash of its kind and records (the payload whole, or the pieces it is stored in), so one file imported twice is one batch. */
export function batchContentHash(kind: string, payload: Uint8Array | readonly Uint8Array[]): string {
  // Incremental: spreading a multi-megabyte payload into an array costs seconds.
  const hash = createSha256().update(kind + '\n')
  for (const piece of payload instanceof Uint8Array ? [payload] : payload) hash.update(piece)
  return hash.digestHex()
}
