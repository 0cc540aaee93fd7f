import type { TokenCounts } from '../../records/common'

/** One billed model request after deduplication, attributed to a session. */
export interface UsageRecord {
  sessionId: string
  model: string
  /** Epoch milliseconds (NaN when the line had no usable timestamp). */
  time: number
  tokens: TokenCounts
  /** The request's hashed identity across files and imports (Claude `message.id:requestId`), when it has one. */
  key: string | null
  /**
   * The session's running total as the agent keeps it (Droid's settings), not one request: no
   * long-context tier can be told from it, so none is applied.
   */
  sessionTotal?: true
}

export function totalTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.output + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead
}
