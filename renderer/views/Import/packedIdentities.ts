import type { Batch } from '../../../shared/batches/batch'
import { HashedStrings, HashedStringsBuilder, type HashedStringsPart } from '../../../shared/batches/hashedStrings'
import { type ChargeIdentities, PackedChargeIdentities } from '../../../shared/batches/identities'
import type { ImportOutcome, JobResult } from '../../../shared/importers/jobs/jobTypes'

/**
 * A batch's charge identities as they cross from the import worker to the window: per format,
 * packed as the import keeps them (HashedStringsPart: the words of each key's hash, the other
 * identities as strings), their typed arrays moved, not copied; the window makes the strings
 * only when its ledger compares them (a ledger that holds charges already). Made as a million
 * strings and joined into one to cross, they made a million-row import noticeably slower.
 */
export interface PackedIdentities {
  formats: string[]
  lists: HashedStringsPart[][]
}

export function packIdentities(identities: ChargeIdentities): PackedIdentities {
  const packed: PackedIdentities = { formats: [], lists: [] }
  const lists = identities instanceof PackedChargeIdentities ? identities.packed : new Map([...identities].map(([format, list]) => [format, packedList(list)]))
  for (const [format, list] of lists) {
    packed.formats.push(format)
    packed.lists.push([...list.parts])
  }
  return packed
}

/** Strings (a batch built from a list of charges) as a packed list of strings of their own. */
function packedList(strings: readonly string[]): HashedStrings {
  const builder = new HashedStringsBuilder()
  for (const text of strings) builder.add(text)
  return new HashedStrings([builder.part()])
}

/** A job's result as the worker posts it: a batch's identities packed. */
export type PostedJobResult = Exclude<JobResult, ImportOutcome> | (Omit<ImportOutcome, 'batch'> & { batch: (Omit<Batch, 'identities'> & { identities: PackedIdentities }) | null })

/** The result to post, and the buffers to transfer with it (the batch's payload, the identities' typed arrays). */
export function postedResult(result: JobResult): { posted: PostedJobResult; transfer: ArrayBuffer[] } {
  if (!('batch' in result)) return { posted: result, transfer: [] }
  if (!result.batch) return { posted: { ...result, batch: null }, transfer: [] }
  const identities = packIdentities(result.batch.identities)
  const buffers = new Set<ArrayBuffer>([result.batch.payload.buffer as ArrayBuffer])
  for (const list of identities.lists) for (const { hashed, words } of list) buffers.add(hashed.buffer as ArrayBuffer).add(words.buffer as ArrayBuffer)
  return { posted: { ...result, batch: { ...result.batch, identities } }, transfer: [...buffers] }
}

export function receivedResult(posted: PostedJobResult): JobResult {
  if (!('batch' in posted)) return posted
  if (!posted.batch) return { ...posted, batch: null }
  return { ...posted, batch: { ...posted.batch, identities: unpackIdentities(posted.batch.identities) } }
}

/** The identities again, made as strings the first time they are read. */
export function unpackIdentities(packed: PackedIdentities): ChargeIdentities {
  return new PackedChargeIdentities(new Map(packed.formats.map((format, index) => [format, new HashedStrings(packed.lists[index])])))
}
