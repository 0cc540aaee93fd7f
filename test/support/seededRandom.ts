/**
 * Deterministic pseudo-random numbers in [0, 1) for fixtures and benchmark data, so every
 * machine tests and measures the same input.
 */

/** mulberry32: well mixed, for generated step sequences. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A linear congruential generator: the cheapest, for generating hundreds of megabytes. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
