import type { TokenCounts } from './common'

/**
 * Zero of every kind. Apart from the schemas in common.ts so that code which only counts
 * tokens (the log readers, the command line's import) does not load zod.
 */
export function emptyTokenCounts(): TokenCounts {
  return { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 }
}

/** Adds `add` into `into`, kind by kind. */
export function addTokenCounts(into: TokenCounts, add: TokenCounts): void {
  into.input += add.input
  into.output += add.output
  into.cacheWrite5m += add.cacheWrite5m
  into.cacheWrite1h += add.cacheWrite1h
  into.cacheRead += add.cacheRead
  into.reasoning += add.reasoning
}
