import { doubled } from '../../../bytes/doubled'

const EMPTY = 0

/** Stands for "no id" where an id is kept as two words: a word is unsigned, so never -1. */
export const NO_ID = -1

/**
 * A set of 64-bit hashed ids (hash64Words: two 32-bit words), each numbered in the order it was
 * first added, so that callers keep what goes with an id in typed arrays at that number. The
 * merge of 13,000 transcripts checks 225,000 requests and as many steps for copies: in Maps
 * keyed by their 16-character strings, with an object per request, that was most of the
 * assembling thread's memory; here an id is 8 bytes and a slot 4 (open addressing, linear
 * probing, at most half full).
 */
export class HashedIdTable {
  /** An entry's number plus one, at the slot its id hashes to (or the next free one); EMPTY when free. */
  private slots: Int32Array
  /** Each entry's id: high word, low word. */
  private words: Uint32Array
  private count = 0

  constructor(expected = 1024) {
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.slots = new Int32Array(capacity)
    this.words = new Uint32Array(capacity)
  }

  get size(): number {
    return this.count
  }

  /** The id's number, or -1 when it was never added. */
  find(high: number, low: number): number {
    const { slots, words } = this
    const mask = slots.length - 1
    for (let slot = slotOf(high, low, mask); ; slot = (slot + 1) & mask) {
      if (slots[slot] === EMPTY) return -1
      const entry = slots[slot] - 1
      if (words[2 * entry] === high >>> 0 && words[2 * entry + 1] === low >>> 0) return entry
    }
  }

  /** The id's number, the next one when it is new. */
  add(high: number, low: number): number {
    const found = this.find(high, low)
    if (found !== -1) return found
    if (2 * (this.count + 1) > this.slots.length) this.grow()
    const entry = this.count++
    this.words[2 * entry] = high
    this.words[2 * entry + 1] = low
    this.place(entry)
    return entry
  }

  high(entry: number): number {
    return this.words[2 * entry]
  }

  low(entry: number): number {
    return this.words[2 * entry + 1]
  }

  private place(entry: number): void {
    const { slots, words } = this
    const mask = slots.length - 1
    let slot = slotOf(words[2 * entry], words[2 * entry + 1], mask)
    while (slots[slot] !== EMPTY) slot = (slot + 1) & mask
    slots[slot] = entry + 1
  }

  private grow(): void {
    this.words = doubled(this.words)
    this.slots = new Int32Array(this.slots.length * 2)
    for (let entry = 0; entry < this.count; entry++) this.place(entry)
  }
}

/** The ids are hashes already, but a near-constant low word (as in tests) must still spread. */
function slotOf(high: number, low: number, mask: number): number {
  return (Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> 7) & mask
}
