/**
 * A set of 128-bit hashes (four 32-bit words, as murmur3x86_128 gives them), kept in one
 * typed array with open addressing. A Set of a million 32-character hex strings cost about
 * a microsecond an insert here and 100 MB of strings for the collector to walk; this keeps
 * 16 bytes a hash in memory the collector never scans. The words are already well mixed,
 * so the first word picks the slot.
 */
export class HashSet128 {
  private slots = new Int32Array(4 * 1024)
  // A slot of four zero words is empty; the all-zero hash itself is kept apart.
  private hasZero = false
  private count = 0

  get size(): number {
    return this.count
  }

  /** Adds the hash; returns whether it was new. */
  add(words: ArrayLike<number>): boolean {
    const w0 = words[0] | 0
    const w1 = words[1] | 0
    const w2 = words[2] | 0
    const w3 = words[3] | 0
    if ((w0 | w1 | w2 | w3) === 0) {
      if (this.hasZero) return false
      this.hasZero = true
      this.count++
      return true
    }
    if ((this.count + 1) * 2 > this.slots.length / 4) this.grow()
    if (!this.insert(this.slots, w0, w1, w2, w3)) return false
    this.count++
    return true
  }

  /** Puts the hash into `slots` unless it is there; returns whether it was put. */
  private insert(slots: Int32Array, w0: number, w1: number, w2: number, w3: number): boolean {
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
        return true
      }
      if (s0 === w0 && s1 === w1 && s2 === w2 && s3 === w3) return false
    }
  }

  private grow(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    for (let at = 0; at < old.length; at += 4) {
      if ((old[at] | old[at + 1] | old[at + 2] | old[at + 3]) !== 0) this.insert(slots, old[at], old[at + 1], old[at + 2], old[at + 3])
    }
    this.slots = slots
  }
}
