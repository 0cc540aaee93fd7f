import type { Batch } from '../../../shared/batches/batch'
import { type ChargeIdentities, lazyChargeIdentities } from '../../../shared/batches/identities'
import type { ImportOutcome, JobResult } from '../../../shared/importers/jobs/jobTypes'

/**
 * A batch's charge identities as they cross from the import worker to the window: per format,
 * one string and the lengths of its parts. A million separate strings took the window about a
 * quarter of a second to receive; one string is a single copy, and its parts are cut only when
 * the ledger compares them.
 */
export interface PackedIdentities {
  formats: string[]
  joined: string[]
  lengths: Uint32Array[]
}

export function packIdentities(identities: ChargeIdentities): PackedIdentities {
  const packed: PackedIdentities = { formats: [], joined: [], lengths: [] }
  for (const [format, list] of identities) {
    packed.formats.push(format)
    packed.joined.push(list.join(''))
    packed.lengths.push(Uint32Array.from(list, (identity) => identity.length))
  }
  return packed
}

/** A job's result as the worker posts it: a batch's identities packed. */
export type PostedJobResult = Exclude<JobResult, ImportOutcome> | (Omit<ImportOutcome, 'batch'> & { batch: (Omit<Batch, 'identities'> & { identities: PackedIdentities }) | null })

/** The result to post, and the buffers to transfer with it (the batch's payload, the identities' lengths). */
export function postedResult(result: JobResult): { posted: PostedJobResult; transfer: ArrayBuffer[] } {
  if (!('batch' in result)) return { posted: result, transfer: [] }
  if (!result.batch) return { posted: { ...result, batch: null }, transfer: [] }
  const identities = packIdentities(result.batch.identities)
  const transfer = [result.batch.payload.buffer as ArrayBuffer, ...identities.lengths.map((lengths) => lengths.buffer as ArrayBuffer)]
  return { posted: { ...result, batch: { ...result.batch, identities } }, transfer }
}

export function receivedResult(posted: PostedJobResult): JobResult {
  if (!('batch' in posted)) return posted
  if (!posted.batch) return { ...posted, batch: null }
  return { ...posted, batch: { ...posted.batch, identities: unpackIdentities(posted.batch.identities) } }
}

/** The identities again, cut from their strings the first time they are read. */
export function unpackIdentities(packed: PackedIdentities): ChargeIdentities {
  return lazyChargeIdentities(packed.formats, () => new Map(packed.formats.map((format, index) => [format, cut(packed.joined[index], packed.lengths[index])])))
}

function cut(text: string, lengths: Uint32Array): string[] {
  const parts: string[] = new Array(lengths.length)
  let offset = 0
  for (let i = 0; i < lengths.length; i++) parts[i] = text.slice(offset, (offset += lengths[i]))
  return parts
}
