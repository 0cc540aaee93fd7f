import { storedIdentity } from '../../records/chargeIdentity'

/**
 * Keeps identities unique within one batch. Two rows with the same natural key in one export
 * are two charges (two identical Cursor events, two Copilot rows), so the repeat gets an
 * occurrence suffix; an overlapping export holds the same repeats in the same order and
 * therefore the same identities.
 */
export class UniqueIdentities {
  private readonly seen = new Set<string>()
  private readonly repeats = new Map<string, number>()

  /** The stored identity for the next row with natural key `naturalKey`. */
  next(naturalKey: string): { identity: string; repeated: boolean } {
    const identity = storedIdentity(naturalKey)
    const before = this.seen.size
    if (this.seen.add(identity).size > before) return { identity, repeated: false }
    const occurrence = (this.repeats.get(identity) ?? 0) + 1
    this.repeats.set(identity, occurrence)
    return { identity: storedIdentity(`${naturalKey}\u001f#${occurrence}`), repeated: true }
  }
}
