import type { JsonObject } from './jsonFields'

/**
 * Token counts as logs write them, checked. A count is a whole number from 0 to a bound no
 * real log reaches: a damaged or hand-edited count (18446744073709551617, -5, 1e999) would
 * otherwise price a run at trillions of dollars, or be counted as 0 without a word.
 */

/** One request's tokens: context windows hold a few million at most. */
export const MAX_REQUEST_TOKENS = 100_000_000
/** A thread's cumulative totals (Codex): a hundred billion tokens would cost well over $100,000. */
export const MAX_THREAD_TOKENS = 100_000_000_000

/** Why a count cannot be right, for the line's warning. */
export interface ImplausibleCount {
  implausible: string
}

/**
 * The named counts of `usage`, an absent (or null) one as 0; or, when any is not a whole
 * number from 0 to `max`, which one and its value.
 */
export function readTokenCounts<K extends string>(usage: JsonObject, fields: readonly K[], max: number): Record<K, number> | ImplausibleCount {
  const counts = {} as Record<K, number>
  for (const field of fields) {
    const value = usage[field]
    const count = readTokenCount(value, max)
    if (count === NOT_A_COUNT) return { implausible: `implausible token count: ${field} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}` }
    counts[field] = count
  }
  return counts
}

/** What readTokenCount gives for a value that is no count. */
export const NOT_A_COUNT = -1

/** One count as readTokenCounts reads it (absent or null: 0), or NOT_A_COUNT; for a hot reader that makes no object per line. */
export function readTokenCount(value: unknown, max: number): number {
  if (value === undefined || value === null) return 0
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : NOT_A_COUNT
}

export function isImplausible(value: object): value is ImplausibleCount {
  return 'implausible' in value
}
