import { HashSet128 } from '../hash/hashSet128'
import { murmur3x86_128 } from '../hash/murmur3'
import { hexWords } from '../hash/hexWords'
import type { Charge } from '../records/charge'
import { isStoredWhole, storedIdentity } from '../records/chargeIdentity'

/**
 * Keeps identities unique within one batch. Two rows with the same natural key in one export
 * are two charges (two identical Cursor events, two Copilot rows), so the repeat gets an
 * occurrence suffix; an overlapping export holds the same repeats in the same order and
 * therefore the same identities.
 */
export class UniqueIdentities {
  // Keys seen, by their 128-bit hash: the hash a long key is stored as, computed once.
  private readonly seen = new HashSet128()
  private readonly repeats = new Map<string, number>()

  /** The stored identity for the next row with natural key `naturalKey`. */
  next(naturalKey: string): { identity: string; repeated: boolean } {
    const hash = murmur3x86_128(naturalKey)
    const identity = isStoredWhole(naturalKey) ? naturalKey : hexWords(hash)
    if (this.seen.add(hash)) return { identity, repeated: false }
    const occurrence = (this.repeats.get(identity) ?? 0) + 1
    this.repeats.set(identity, occurrence)
    return { identity: storedIdentity(`${naturalKey}\u001f#${occurrence}`), repeated: true }
  }
}

/** What tells two billing rows apart across batches. Batches stored before identities were hashed hold whole natural keys. */
export function chargeKey(format: string, identity: string): string {
  return `${format}\u0000${storedIdentity(identity)}`
}

/**
 * The stored identities of a charges batch's rows, per format, in row order: computed once as
 * the batch is built, so adding the batch to the ledger compares them without decoding it.
 */
export type ChargeIdentities = ReadonlyMap<string, readonly string[]>

/** Notes a charge's identity (already made unique and stored-form) in `into`. */
export function noteChargeIdentity(into: Map<string, string[]>, charge: Pick<Charge, 'format' | 'identity'>): void {
  const list = into.get(charge.format)
  if (list) list.push(charge.identity)
  else into.set(charge.format, [charge.identity])
}
