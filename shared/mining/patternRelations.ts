/** Whether `inner` occurs in `outer` in order, other steps allowed in between. */
export function isSubsequence(inner: readonly number[], outer: readonly number[]): boolean {
  if (inner.length > outer.length) return false
  let matched = 0
  for (let i = 0; i < outer.length && matched < inner.length; i++) {
    if (outer[i] === inner[matched]) matched++
  }
  return matched === inner.length
}

/** Whether one substitution, insertion or deletion (or none) turns `a` into `b`. */
export function withinOneEdit(a: readonly number[], b: readonly number[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  if (short.length === long.length) return short.slice(i + 1).every((code, k) => code === long[i + 1 + k])
  return short.slice(i).every((code, k) => code === long[i + 1 + k])
}

export function sameRuns(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** |a ∩ b| / |a ∪ b| for ascending run lists: 1 for the same runs, 0 for none in common. */
export function runJaccard(a: Int32Array, b: Int32Array): number {
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  const union = a.length + b.length - common
  return union === 0 ? 0 : common / union
}

/**
 * A 31-bit set of the labels a pattern uses (codes folded mod 31). A pattern whose bits are not
 * all in another's cannot be its subsequence: a cheap filter before the exact check.
 */
export function labelMask(codes: readonly number[]): number {
  let mask = 0
  for (const code of codes) mask |= 1 << code % 31
  return mask
}
