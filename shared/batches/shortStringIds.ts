import { fmix32 } from '../hash/murmur3'

/**
 * Dictionary ids of short ASCII strings (amounts such as "556.38", codes, small numbers as
 * text), kept apart from ScalarColumn's Map. A string of at most seven characters, each
 * U+0001–U+007F, packs exactly into one double (seven bits a character below a leading 1),
 * and so does a number as text of up to thirteen digits, points and minus signs (four bits a
 * character, negated: "405.8107536", an AWS cost), so it is found by comparing numbers in
 * typed arrays: no string hash to compute for each freshly parsed value, no key to follow,
 * nothing for the collector. The million-row Anthropic export's two amount columns (235,000
 * distinct values each) took a Map about twice as long.
 */
export class ShortStringIds {
  private keys = new Float64Array(16)
  private ids = new Int32Array(16).fill(-1)
  private count = 0
  /** The packed string `find` last reported NEW, and the empty slot found for it (-1 once the table grew): `add` need not look again. */
  private pending = 0
  private pendingSlot = -1

  /** The id of `text`; NEW when it is short ASCII but not here yet (`add` gives it its id), NOT_SHORT when it is not short ASCII. */
  find(text: string): number {
    const packed = packShortString(text)
    return packed === 0 ? NOT_SHORT : this.findPacked(packed)
  }

  /** The id of the string packed as `packed` (packShortString), or NEW (`add` gives it its id). */
  findPacked(packed: number): number {
    const slot = this.slotOf(packed)
    const id = this.ids[slot]
    if (id !== -1) return id
    this.pending = packed
    this.pendingSlot = slot
    return NEW
  }

  /** Gives the string `find` last reported NEW the id `id`. */
  add(id: number): void {
    if ((this.count + 1) * 2 > this.ids.length) this.grow()
    const slot = this.pendingSlot >= 0 ? this.pendingSlot : this.slotOf(this.pending)
    this.keys[slot] = this.pending
    this.ids[slot] = id
    this.count++
  }

  /** Makes room for `more` strings beyond those held, at once: a part's dictionary added whole (ScalarColumn.addPart) doubled the table again and again. */
  reserve(more: number): void {
    let slots = this.ids.length
    while ((this.count + more) * 2 > slots) slots *= 2
    if (slots > this.ids.length) this.grow(slots)
  }

  /** The slot holding `packed`, or the empty one where it would go. */
  private slotOf(packed: number): number {
    const mask = this.ids.length - 1
    for (let slot = hashOf(packed) & mask; ; slot = (slot + 1) & mask) {
      if (this.ids[slot] === -1 || this.keys[slot] === packed) return slot
    }
  }

  private grow(slots = this.ids.length * 2): void {
    const { keys, ids } = this
    this.pendingSlot = -1
    this.keys = new Float64Array(slots)
    this.ids = new Int32Array(slots).fill(-1)
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] === -1) continue
      const to = this.slotOf(keys[slot])
      this.keys[to] = keys[slot]
      this.ids[to] = ids[slot]
    }
  }
}

export const NEW = -1
export const NOT_SHORT = -2
const MAX_PACKED_LENGTH = 7
const MAX_PACKED_NUMBER_LENGTH = 13

/**
 * `text` as 1 followed by seven bits a character (below 2^50, so exact); a longer number as
 * text as minus (1 followed by four bits a character, below 2^53); 0 when it fits neither.
 * Two strings pack alike only when they are equal.
 */
export function packShortString(text: string): number {
  const length = text.length
  if (length > MAX_PACKED_LENGTH) return length > MAX_PACKED_NUMBER_LENGTH ? 0 : packNumber(text)
  let packed = 1
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0 || code > 0x7f) return 0
    packed = packed * 128 + code
  }
  return packed
}

/** Digits as 1–10, "." as 11 and "-" as 12, below a leading 1, negated; 0 for any other character. */
function packNumber(text: string): number {
  let packed = 1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const digit = code - 0x30
    const nibble = digit >= 0 && digit <= 9 ? digit + 1 : code === 0x2e ? 11 : code === 0x2d ? 12 : 0
    if (nibble === 0) return 0
    packed = packed * 16 + nibble
  }
  return -packed
}

/** A 32-bit hash of a packed string: its low and high words mixed (murmur3's finaliser). */
function hashOf(packed: number): number {
  return fmix32((packed >>> 0) ^ Math.imul(Math.floor(packed / 2 ** 32), 0x9e3779b1))
}
