/**
 * Weighted longest common subsequence of two label sequences: the steps two runs share in the
 * same order, each counted by its weight. Sequences are short once loops are collapsed, so the
 * quadratic table is a few dozen cells; one row buffer is reused across calls.
 */
let row = new Float64Array(64)

export function sharedWeight(a: ArrayLike<number>, b: ArrayLike<number>, weights: ArrayLike<number>): number {
  const width = b.length + 1
  if (row.length < 2 * width) row = new Float64Array(2 * width)
  row.fill(0, 0, 2 * width)
  let previous = 0
  let current = width
  for (let i = 0; i < a.length; i++) {
    const code = a[i]
    row[current] = 0
    for (let j = 1; j < width; j++) {
      const diagonal = b[j - 1] === code ? row[previous + j - 1] + weights[code] : 0
      row[current + j] = Math.max(diagonal, row[previous + j], row[current + j - 1])
    }
    ;[previous, current] = [current, previous]
  }
  return row[previous + b.length]
}

export function totalWeight(codes: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < codes.length; i++) sum += weights[codes[i]]
  return sum
}

/** Dice similarity over weighted shared steps: 1 for the same sequence, 0 for nothing in common. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>, weights: ArrayLike<number>, weightA: number, weightB: number): number {
  const total = weightA + weightB
  return total === 0 ? 0 : (2 * sharedWeight(a, b, weights)) / total
}

/** The suffix table of alignSteps, reused across calls: a table per run made mining allocate more than it computed. */
let suffixTable = new Int32Array(256)

/**
 * Where each step of `pattern` sits in `steps` (null where the run skipped it), along a longest
 * common subsequence; among equally long ones, the earliest positions in `steps`.
 */
export function alignSteps<T>(steps: readonly T[], pattern: readonly T[]): (number | null)[] {
  const n = steps.length
  const m = pattern.length
  const width = m + 1
  if (suffixTable.length < (n + 1) * width) suffixTable = new Int32Array(2 * (n + 1) * width)
  // suffix[i * width + j]: LCS length of steps[i..] and pattern[j..], so the walk from the front is greedy-earliest.
  const suffix = suffixTable
  suffix.fill(0, n * width, (n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    const here = i * width
    const below = here + width
    suffix[here + m] = 0
    for (let j = m - 1; j >= 0; j--) {
      suffix[here + j] = steps[i] === pattern[j] ? suffix[below + j + 1] + 1 : Math.max(suffix[below + j], suffix[here + j + 1])
    }
  }
  const at: (number | null)[] = new Array(m).fill(null)
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const here = i * width
    if (steps[i] === pattern[j] && suffix[here + j] === suffix[here + width + j + 1] + 1) at[j++] = i++
    else if (suffix[here + width + j] >= suffix[here + j + 1]) i++
    else j++
  }
  return at
}
