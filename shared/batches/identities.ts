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

/**
 * Billing rows by what tells them apart across batches and files: their format and stored
 * identity. The one "count each charge once" rule, for the ledger, the overlap warning and
 * the command line's summary. Batches stored before identities were hashed hold whole
 * natural keys, so each is compared in its stored form.
 */
export class ChargeIdentitySet {
  private readonly byFormat = new Map<string, Set<string>>()

  add(format: string, identity: string): void {
    let identities = this.byFormat.get(format)
    if (!identities) this.byFormat.set(format, (identities = new Set()))
    identities.add(storedIdentity(identity))
  }

  addAll(identities: ChargeIdentities): void {
    for (const [format, list] of identities) for (const identity of list) this.add(format, identity)
  }

  has(format: string, identity: string): boolean {
    return this.byFormat.get(format)?.has(storedIdentity(identity)) ?? false
  }

  /** Whether every one of a batch's identities is held (a batch without any is not). */
  holdsEvery(identities: ChargeIdentities): boolean {
    // Nothing held: not read at all (the app's identities are cut from one string when first read).
    if (this.byFormat.size === 0) return false
    let any = false
    for (const [format, list] of identities) {
      for (const identity of list) {
        if (!this.has(format, identity)) return false
        any = true
      }
    }
    return any
  }
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
