/**
 * Keeps identities unique within one batch. Two rows with the same natural key in one export
 * are two charges (two identical Cursor events, two Copilot rows), so the repeat gets an
 * occurrence suffix; an overlapping export holds the same repeats in the same order and
 * therefore the same identities. Used where the charges are kept anyway (the batch), so the
 * set costs no strings of its own.
 */
export class UniqueIdentities {
  private readonly seen = new Set<string>()
  private readonly repeats = new Map<string, number>()

  /** The identity to store for the next row with natural key `identity`. */
  next(identity: string): { identity: string; repeated: boolean } {
    // Formats build identities by concatenation; V8 flattens a concatenated string in place
    // when a character is read. Kept unflattened, each of a million identities held its ~20
    // pieces, and the file text they are slices of, alive: 960 bytes a row instead of ~300.
    identity.charCodeAt(0)
    if (!this.seen.has(identity)) {
      this.seen.add(identity)
      return { identity, repeated: false }
    }
    const occurrence = (this.repeats.get(identity) ?? 0) + 1
    this.repeats.set(identity, occurrence)
    return { identity: `${identity}\u001f#${occurrence}`, repeated: true }
  }
}
