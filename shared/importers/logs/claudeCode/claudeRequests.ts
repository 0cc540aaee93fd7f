import type { TokenCounts } from '../../../records/common'
import { hashRequestKey } from '../requestKeys'
import { totalTokens, type UsageRecord } from '../usageRecord'

/** A kept request; lean, because a year of transcripts holds hundreds of thousands. */
interface ClaudeRequest {
  sessionId: string
  model: string
  time: number
  tokens: TokenCounts
  total: number
  /** The key as stored with the run (hashRequestKey), computed when the key is first seen. */
  hashedKey: string
  /** For sidechain requests only: the ids a replay check needs once every file is read. */
  sidechain: { messageId: string; requestId: string } | null
}

/**
 * Claude Code usage, deduplicated the way ccusage does it, across every file of an import:
 * - One API response is written as several lines (one per content block) that share
 *   `message.id` and `requestId` and each repeat the usage; `claude --resume` copies whole
 *   transcripts into a new file. The key is `message.id:requestId`, and the copy with the most
 *   tokens wins, because newer builds write a growing `output_tokens` on the split lines and
 *   only the last one is final.
 * - When a gateway drops `requestId` the key is `message.id` within the session (ccusage
 *   scopes this fallback by session since PR #1661; 20.0.24 does).
 * - A sidechain line whose `message.id` is already a main-thread request under another
 *   `requestId` is a replay of the parent's message (`/btw` side questions, ccusage#913), not
 *   new usage. Checked once all files are read, so file order does not matter. ccusage 20.0.24
 *   still counts such replays, so on them our totals are lower.
 * - A request a run already in the workspace counted under another session (`known`, see
 *   knownRequestKeys) is not counted again. Each copy is checked as it comes, before the
 *   deduplication, so that the owner's own copy is kept whichever file comes first.
 */
export class ClaudeRequests {
  private readonly byKey = new Map<string, ClaudeRequest>()
  /** Main-thread message id → its request id, to recognise sidechain replays. */
  private readonly mainRequestIds = new Map<string, string | null>()

  constructor(private readonly known: ReadonlyMap<string, string> = new Map()) {}

  add(sessionId: string, model: string, time: number, tokens: TokenCounts, messageId: string, requestId: string | null, sidechain: boolean): void {
    const key = requestKey(sessionId, messageId, requestId)
    const total = totalTokens(tokens)
    const existing = this.byKey.get(key)
    if (existing && existing.total >= total) return
    // Hashed here rather than in records(): a threaded import merges files while the threads
    // still read, and records() runs after the last one, when nothing else can.
    const hashedKey = existing?.hashedKey ?? hashRequestKey(key)
    // Set even for a copy counted elsewhere: a sidechain replay of it is still a replay.
    if (!sidechain) this.mainRequestIds.set(messageId, requestId)
    if (this.ownedElsewhere(hashedKey, sessionId)) return
    this.byKey.set(key, { sessionId, model, time, tokens, total, hashedKey, sidechain: sidechain && requestId !== null ? { messageId, requestId } : null })
  }

  /** Whether a run already in the workspace counted this request under another session. */
  countedElsewhere(sessionId: string, messageId: string, requestId: string | null): boolean {
    if (this.known.size === 0) return false
    const key = requestKey(sessionId, messageId, requestId)
    return this.ownedElsewhere(this.byKey.get(key)?.hashedKey ?? hashRequestKey(key), sessionId)
  }

  private ownedElsewhere(hashedKey: string, sessionId: string): boolean {
    const owner = this.known.get(hashedKey)
    return owner !== undefined && owner !== sessionId
  }

  /** The kept requests, keyed by their hashed identity, without sidechain replays. */
  records(): UsageRecord[] {
    const records: UsageRecord[] = []
    for (const { sessionId, model, time, tokens, sidechain, hashedKey } of this.byKey.values()) {
      const mainRequestId = sidechain && this.mainRequestIds.get(sidechain.messageId)
      if (sidechain && mainRequestId !== undefined && mainRequestId !== sidechain.requestId) continue
      records.push({ sessionId, model, time, tokens, key: hashedKey })
    }
    return records
  }
}

/** `message.id:requestId`; without a request id, the message id within its session. */
function requestKey(sessionId: string, messageId: string, requestId: string | null): string {
  return requestId === null ? `${sessionId}\u0000${messageId}` : `${messageId}:${requestId}`
}
