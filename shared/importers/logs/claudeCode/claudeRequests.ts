import type { TokenCounts } from '../../../records/common'
import type { ClaudeRequestLine } from './claudeCodeLogs'
import { hashRequestKey } from '../requestKeys'
import { totalTokens, type UsageRecord } from '../usageRecord'

/** A kept request; lean, because a year of transcripts holds hundreds of thousands. */
interface ClaudeRequest {
  sessionId: string
  model: string
  time: number
  tokens: TokenCounts
  total: number
  /** For sidechain requests with a request id only: the hashed message id a replay check needs once every file is read. */
  replayOf: string | null
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
 * Keys and message ids arrive hashed (hashedRequestKey, hash64Hex: 64 bits), as runs store
 * them; two distinct requests would have to collide in 64 bits to be taken for one.
 */
export class ClaudeRequests {
  private readonly byKey = new Map<string, ClaudeRequest>()
  /** Main-thread message (hashed) → its request's key, to recognise sidechain replays. */
  private readonly mainKeys = new Map<string, string>()
  /** Each model name once: a request's own copy of it would be held to the end. */
  private readonly models = new Map<string, string>()

  constructor(private readonly known: ReadonlyMap<string, string> = new Map()) {}

  add(sessionId: string, { model, time, tokens, key, message, sidechain, hasRequestId }: ClaudeRequestLine): void {
    const total = totalTokens(tokens)
    const existing = this.byKey.get(key)
    if (existing && existing.total >= total) return
    // Set even for a copy counted elsewhere: a sidechain replay of it is still a replay.
    if (!sidechain) this.mainKeys.set(message, key)
    if (this.ownedElsewhere(key, sessionId)) return
    let name = this.models.get(model)
    if (name === undefined) this.models.set(model, (name = model))
    this.byKey.set(key, { sessionId, model: name, time, tokens, total, replayOf: sidechain && hasRequestId ? message : null })
  }

  /** Whether a run already in the workspace counted this request (by its hashed key) under another session. */
  countedElsewhere(sessionId: string, key: string): boolean {
    return this.known.size > 0 && this.ownedElsewhere(key, sessionId)
  }

  private ownedElsewhere(key: string, sessionId: string): boolean {
    const owner = this.known.get(key)
    return owner !== undefined && owner !== sessionId
  }

  /** The kept requests, keyed by their hashed identity, without sidechain replays. */
  records(): UsageRecord[] {
    const records: UsageRecord[] = []
    for (const [key, { sessionId, model, time, tokens, replayOf }] of this.byKey) {
      const mainKey = replayOf === null ? undefined : this.mainKeys.get(replayOf)
      if (mainKey !== undefined && mainKey !== key) continue
      records.push({ sessionId, model, time, tokens, key })
    }
    return records
  }
}

/** The stored key of a request: `message.id:requestId` hashed; without a request id, the message id within its session. */
export function hashedRequestKey(sessionId: string, messageId: string, requestId: string | null): string {
  return hashRequestKey(requestId === null ? `${sessionId}\u0000${messageId}` : `${messageId}:${requestId}`)
}
