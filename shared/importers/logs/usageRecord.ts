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
}

export function totalTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.output + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead
}
