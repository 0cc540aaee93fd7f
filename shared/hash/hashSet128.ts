/**
 * A set of 128-bit hashes (four 32-bit words, as murmur3x86_128 gives them), kept in one
 * typed array with open addressing. A Set of a million 32-character hex strings cost about
 * a microsecond an insert here and 100 MB of strings for the collector to walk; this keeps
 * 16 bytes a hash in memory the collector never scans. The words are already well mixed,
 * so the first word picks the slot. It can also count how often each hash was added
 * (`addCounting`), in a second array made at the first repeat.
 */
export class HashSet128 {
  private slots: Int32Array
  // Times each slot's hash was added after the first; null until a hash is added twice through addCounting.
  private repeats: Int32Array | null = null
  // A slot of four zero words is empty; the all-zero hash itself is kept apart.
  private zeroAdded = 0
  private count = 0

  /** `expected`: how many hashes are likely, so that the table need not grow to hold them. */
  constructor(expected = 0) {
    let slots = 1024
    while (slots < expected * 2) slots *= 2
    this.slots = new Int32Array(4 * slots)
  }

  get size(): number {
    return this.count
  }

  /** Whether the hash (the four words from `at`) is held. */
  has(words: ArrayLike<number>, at = 0): boolean {
    const w0 = words[at] | 0
    const w1 = words[at + 1] | 0
    const w2 = words[at + 2] | 0
    const w3 = words[at + 3] | 0
    if ((w0 | w1 | w2 | w3) === 0) return this.zeroAdded > 0
    const slots = this.slots
    const mask = slots.length / 4 - 1
    for (let slot = w0 & mask; ; slot = (slot + 1) & mask) {
      const s = slot * 4
      if ((slots[s] | slots[s + 1] | slots[s + 2] | slots[s + 3]) === 0) return false
      if (slots[s] === w0 && slots[s + 1] === w1 && slots[s + 2] === w2 && slots[s + 3] === w3) return true
    }
  }

  /** Adds the hash; returns whether it was new. */
  add(words: ArrayLike<number>): boolean {
    return this.addAt(words) >= 0
  }

  /** Adds the hash; returns how many times it was added before (0: it is new). */
  addCounting(words: ArrayLike<number>): number {
    const at = this.addAt(words)
    if (at >= 0) return 0
    if (at === ZERO_HASH) return this.zeroAdded - 1
    this.repeats ??= new Int32Array(this.slots.length / 4)
    return ++this.repeats[-1 - at]
  }

  /** Adds the hash: its slot when new, -1 - its slot when held (ZERO_HASH for the all-zero hash held). */
  private addAt(words: ArrayLike<number>): number {
    const w0 = words[0] | 0
    const w1 = words[1] | 0
    const w2 = words[2] | 0
    const w3 = words[3] | 0
    if ((w0 | w1 | w2 | w3) === 0) {
      if (this.zeroAdded++ > 0) return ZERO_HASH
      this.count++
      return 0
    }
    if ((this.count + 1) * 2 > this.slots.length / 4) this.grow()
    const slot = this.insert(this.slots, w0, w1, w2, w3)
    if (slot >= 0) this.count++
    return slot
  }

  /** Puts the hash into `slots` unless it is there: its slot when put, -1 - its slot when there. */
  private insert(slots: Int32Array, w0: number, w1: number, w2: number, w3: number): number {
    const mask = slots.length / 4 - 1
    for (let slot = w0 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4
      const s0 = slots[at]
      const s1 = slots[at + 1]
      const s2 = slots[at + 2]
      const s3 = slots[at + 3]
      if ((s0 | s1 | s2 | s3) === 0) {
        slots[at] = w0
        slots[at + 1] = w1
        slots[at + 2] = w2
        slots[at + 3] = w3
        return slot
      }
      if (s0 === w0 && s1 === w1 && s2 === w2 && s3 === w3) return -1 - slot
    }
  }

  private grow(): void {
    const old = this.slots
    const oldRepeats = this.repeats
    const slots = new Int32Array(old.length * 2)
    const repeats = oldRepeats && new Int32Array(slots.length / 4)
    for (let at = 0; at < old.length; at += 4) {
      if ((old[at] | old[at + 1] | old[at + 2] | old[at + 3]) === 0) continue
      const slot = this.insert(slots, old[at], old[at + 1], old[at + 2], old[at + 3])
      if (repeats) repeats[slot] = oldRepeats![at / 4]
    }
    this.slots = slots
    this.repeats = repeats
  }
}

/** What addAt says for the all-zero hash already held (a slot's -1 - slot is never this low). */
const ZERO_HASH = -(2 ** 31)
