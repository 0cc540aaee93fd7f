import type { TokenCounts } from './common'

/**
 * Zero of every kind. Apart from the schemas in common.ts so that code which only counts
 * tokens (the log readers, the command line's import) does not load zod.
 */
export function emptyTokenCounts(): TokenCounts {
  return { input: 0, output: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 }
}
