/**
 * Where a step pattern occurs in a run's steps, in order, allowing at most `maxGap` other
 * steps between two consecutive pattern steps. Returns the matched indexes (the earliest
 * match, greedy from the left) or null. Used by portfolio rules ("logs, then edit, then test")
 * and by recipe mining, so both explain a match the same way.
 */
export function matchSequence(steps: readonly string[], pattern: readonly string[], maxGap = Infinity): number[] | null {
  if (pattern.length === 0) return []
  for (let start = 0; start < steps.length; start++) {
    if (steps[start] !== pattern[0]) continue
    const found = extendMatch(steps, pattern, maxGap, [start])
    if (found) return found
  }
  return null
}

function extendMatch(steps: readonly string[], pattern: readonly string[], maxGap: number, matched: number[]): number[] | null {
  if (matched.length === pattern.length) return matched
  const last = matched[matched.length - 1]
  const limit = Math.min(steps.length - 1, last + 1 + maxGap)
  for (let i = last + 1; i <= limit; i++) {
    if (steps[i] !== pattern[matched.length]) continue
    const found = extendMatch(steps, pattern, maxGap, [...matched, i])
    if (found) return found
    if (maxGap === Infinity) return null
  }
  return null
}

export function followsSequence(steps: readonly string[], pattern: readonly string[], maxGap = Infinity): boolean {
  return matchSequence(steps, pattern, maxGap) !== null
}
