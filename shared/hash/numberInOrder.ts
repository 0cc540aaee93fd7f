/**
 * Replaces each of `keys` (integers from 0 to Number.MAX_SAFE_INTEGER) with its number among
 * the distinct keys, 0, 1, 2… in the order first met; returns how many there are, or null as
 * soon as there are more than `atMost` (the keys then partly replaced). An open-
 * addressing table of typed arrays: a Set of a million keys past 2^30, each boxed as a heap
 * number, cost a charge summary a quarter of a second and the collector a heap of them.
 */
export function numberInOrder(keys: Float64Array, atMost = Infinity): number | null {
  // Grown as keys come: a million rows are mostly a few thousand keys.
  let table = new Table(1024)
  for (let row = 0; row < keys.length; row++) {
    // Grown before it is half full, so a probe always ends at a free slot.
    if (table.count * 2 >= table.keys.length) table = table.grown()
    keys[row] = table.numberOf(keys[row])
    if (table.count > atMost) return null
  }
  return table.count
}

class Table {
  readonly keys: Float64Array
  // Each slot's key's number plus one; 0: the slot is free.
  readonly numbers: Int32Array
  count = 0

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity)
    this.numbers = new Int32Array(capacity)
  }

  numberOf(key: number): number {
    const mask = this.keys.length - 1
    let slot = slotOf(key) & mask
    for (;;) {
      const number = this.numbers[slot]
      if (number === 0) {
        this.keys[slot] = key
        this.numbers[slot] = ++this.count
        return this.count - 1
      }
      if (this.keys[slot] === key) return number - 1
      slot = (slot + 1) & mask
    }
  }

  /** The same keys and numbers in a table twice the size. */
  grown(): Table {
    const bigger = new Table(this.keys.length * 2)
    const mask = bigger.keys.length - 1
    for (let from = 0; from < this.keys.length; from++) {
      if (this.numbers[from] === 0) continue
      let slot = slotOf(this.keys[from]) & mask
      while (bigger.numbers[slot] !== 0) slot = (slot + 1) & mask
      bigger.keys[slot] = this.keys[from]
      bigger.numbers[slot] = this.numbers[from]
    }
    bigger.count = this.count
    return bigger
  }
}

/** Mixes both 32-bit halves of a safe integer: line keys differ mostly in their low digits, ids in their high ones. */
function slotOf(key: number): number {
  const low = key >>> 0
  const high = (key / 4294967296) >>> 0
  let hash = Math.imul(low ^ Math.imul(high, 0x27d4eb2f), 0x9e3779b1)
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x85ebca77)
  return hash ^ (hash >>> 13)
}
