/**
 * A set of 128-bit hashes (four 32-bit words, as murmur3x86_128 gives them), kept in typed
 * arrays with open addressing. A Set of a million 32-character hex strings was slow to insert
 * into and left the collector a million strings to walk; this keeps the
 * hashes in memory the collector never scans. The words are already well mixed, so the first
 * word picks the slot. The table a probe reads holds only a 16-bit fingerprint a slot (from
 * the second word), the hashes themselves are kept apart in the order added: an import adds
 * a hash a row between much other work, and a table of whole hashes missed the caches on
 * nearly every add.
 * It can also count how often each hash was added (`addCounting`).
 */
export class HashSet128 {
  /** Per slot, the fingerprint of the hash held there (never 0), or 0 when the slot is empty. */
  private fingerprints: Uint16Array
  /** Per slot, the place of its hash in `words` (read only when the fingerprint matches). */
  private entries: Int32Array
  /** The hashes held, four words each, in the order added. */
  private words: Int32Array
  /** Times each hash (by its place) was added after the first; null until a hash is added twice through addCounting. */
  private repeats: Int32Array | null = null
  private count = 0

  /** `expected`: how many hashes are likely, so that the table need not grow to hold them. */
  constructor(expected = 0) {
    let slots = 1024
    while (slots < expected * 2) slots *= 2
    this.fingerprints = new Uint16Array(slots)
    this.entries = new Int32Array(slots)
    // The table grows at half full: room for that many hashes.
    this.words = new Int32Array(2 * slots)
  }

  /** Empties the set, keeping its table. */
  clear(): void {
    this.fingerprints.fill(0)
    this.repeats = null
    this.count = 0
  }

  get size(): number {
    return this.count
  }

  /** Whether the hash (the four words from `at`) is held. */
  has(words: ArrayLike<number>, at = 0): boolean {
    return this.find(words[at] | 0, words[at + 1] | 0, words[at + 2] | 0, words[at + 3] | 0) >= 0
  }

  /** Adds the hash (the four words from `at`); returns whether it was new. */
  add(words: ArrayLike<number>, at = 0): boolean {
    return this.addEntry(words, at) >= 0
  }

  /** Adds the hash (the four words from `at`); returns how many times it was added before (0: it is new). */
  addCounting(words: ArrayLike<number>, at = 0): number {
    const entry = this.addEntry(words, at)
    if (entry >= 0) return 0
    this.repeats ??= new Int32Array(this.words.length / 4)
    return ++this.repeats[-1 - entry]
  }

  /** Adds the hash (the four words from `from`): its place when new, -1 - its place when held. */
  private addEntry(hash: ArrayLike<number>, from = 0): number {
    const w0 = hash[from] | 0
    const w1 = hash[from + 1] | 0
    const w2 = hash[from + 2] | 0
    const w3 = hash[from + 3] | 0
    let found = this.find(w0, w1, w2, w3)
    if (found >= 0) return -1 - found
    // Grown only for a new hash (a held one, added as the table reaches half full, needs no room), then its slot found again.
    if ((this.count + 1) * 2 > this.fingerprints.length) {
      this.grow()
      found = this.find(w0, w1, w2, w3)
    }
    const slot = -1 - found
    const entry = this.count++
    this.fingerprints[slot] = fingerprintOf(w1)
    this.entries[slot] = entry
    const at = entry * 4
    const words = this.words
    words[at] = w0
    words[at + 1] = w1
    words[at + 2] = w2
    words[at + 3] = w3
    return entry
  }

  /** The place of the hash in `words`, or -1 - the empty slot where it would go. */
  private find(w0: number, w1: number, w2: number, w3: number): number {
    const { fingerprints, entries, words } = this
    const mask = fingerprints.length - 1
    const fingerprint = fingerprintOf(w1)
    for (let slot = w0 & mask; ; slot = (slot + 1) & mask) {
      const held = fingerprints[slot]
      if (held === 0) return -1 - slot
      if (held !== fingerprint) continue
      const entry = entries[slot]
      const at = entry * 4
      if (words[at] === w0 && words[at + 1] === w1 && words[at + 2] === w2 && words[at + 3] === w3) return entry
    }
  }

  /** Twice the slots, each hash put in again from the list of them. */
  private grow(): void {
    const slots = this.fingerprints.length * 2
    const words = new Int32Array(2 * slots)
    words.set(this.words)
    this.words = words
    if (this.repeats) {
      const repeats = new Int32Array(slots / 2)
      repeats.set(this.repeats)
      this.repeats = repeats
    }
    const fingerprints = (this.fingerprints = new Uint16Array(slots))
    const entries = (this.entries = new Int32Array(slots))
    const mask = slots - 1
    for (let entry = 0; entry < this.count; entry++) {
      let slot = words[entry * 4] & mask
      while (fingerprints[slot] !== 0) slot = (slot + 1) & mask
      fingerprints[slot] = fingerprintOf(words[entry * 4 + 1])
      entries[slot] = entry
    }
  }
}

/** A hash's fingerprint: the top half of its second word (independent of the first word's low bits, which pick the slot), never 0. */
function fingerprintOf(w1: number): number {
  return w1 >>> 16 || 1
}
