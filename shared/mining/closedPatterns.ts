import type { FrequentPattern } from './prefixSpan'
import { isSubsequence, sameRuns } from './patternRelations'

/**
 * Keeps the closed patterns: those no longer pattern occurs in exactly the same runs with.
 * Patterns are bucketed by run set first, so the quadratic check only runs inside a bucket.
 */
export function closedPatterns(patterns: readonly FrequentPattern[]): FrequentPattern[] {
  const keys = patterns.map((pattern) => `${pattern.runs.length}:${hashRuns(pattern.runs)}`)
  const buckets = new Map<string, FrequentPattern[]>()
  patterns.forEach((pattern, i) => {
    const bucket = buckets.get(keys[i])
    if (bucket) bucket.push(pattern)
    else buckets.set(keys[i], [pattern])
  })
  return patterns.filter((pattern, i) => {
    const bucket = buckets.get(keys[i])!
    return !bucket.some(
      (other) => other.codes.length > pattern.codes.length && sameRuns(other.runs, pattern.runs) && isSubsequence(pattern.codes, other.codes),
    )
  })
}

/** FNV-1a over the run indexes. */
function hashRuns(runs: Int32Array): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < runs.length; i++) {
    hash ^= runs[i]
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
