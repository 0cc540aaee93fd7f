import { transferablesOf } from '../../batches/columnCodec'
import type { BillingParseOptions, BillingPartRead } from './billingSource'

/**
 * Where a big billing file is split for two threads (BillingSecondPart), the same on every
 * platform: the command line's thread (cli/import/billingSecondPart.ts) and the app's import
 * worker (renderer/views/Import/blobSecondPart.ts).
 */

/** Below this size a file is read on one thread: starting another costs more than its half saves. */
const SPLIT_FROM_BYTES = 8 * 1024 * 1024
/** How far past the middle a line end is looked for: a file without one there is read on one thread. */
export const LINE_END_SEARCH_BYTES = 1024 * 1024

/** What a part's reader is told besides its header: the options the file is read with. */
export type PartReadOptions = Pick<BillingParseOptions, 'attribution' | 'pseudonymSalt' | 'profiles' | 'format'> & { encodeBatch?: boolean }

/**
 * A file's read options as its part's reader is told them: these alone (the others, progress
 * callbacks among them, cannot go to another thread), and a batch built unless told not to, as
 * importBillingFile builds one.
 */
export function partReadOptionsOf({ attribution, pseudonymSalt, profiles, format, encodeBatch }: PartReadOptions): PartReadOptions {
  return { attribution, pseudonymSalt, profiles, format, encodeBatch: encodeBatch !== false }
}

/**
 * Where to look for the second part's start in a file of `size` bytes, or -1 when it is read
 * on one thread: `firstShare` of the way in (its middle, unless the second part's reader has
 * more to do than read it).
 */
export function splitSearchFrom(size: number, firstShare = 0.5): number {
  return size < SPLIT_FROM_BYTES ? -1 : Math.floor(size * firstShare)
}

/** Where the first line starting after `from` starts, from the bytes there (up to LINE_END_SEARCH_BYTES), or -1 when no line ends in them. */
export function lineStartAfter(from: number, bytesThere: Uint8Array): number {
  const newline = bytesThere.indexOf(10)
  return newline < 0 ? -1 : from + newline + 1
}

/** The buffers a part read hands to the thread that takes it, moved rather than copied. */
export function transferablesOfPart(part: BillingPartRead): ArrayBuffer[] {
  const buffers = [part.identityHashes.buffer, part.identityLines.buffer]
  const batch = part.batch
  if (batch) buffers.push(batch.identities.hashed.buffer, batch.identities.words.buffer, ...transferablesOf(batch.records))
  return buffers as ArrayBuffer[]
}
