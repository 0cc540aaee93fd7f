import { doubled } from '../../../bytes/doubled'
import type { TokenCounts } from '../../../records/common'
import type { ClaudeRequestLine } from './claudeCodeLogs'
import { hashRequestKeyWords } from '../requestKeys'
import { HashedIdTable } from './hashedIds'
import { hexOfWordPair } from '../../../hash/hexWords'
import { totalTokens, type UsageRecord } from '../usageRecord'

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
 * Keys and message ids arrive hashed as two 32-bit words each (requestKeyWords, hash64Words:
 * 64 bits), as runs store them (in hex); two distinct requests would have to collide in 64 bits
 * to be taken for one.
 */
export class ClaudeRequests {
  /** The requests kept, numbered by their keys; what goes with each is kept at its number below. */
  private readonly keys = new HashedIdTable(4096)
  /** Per request: its time. */
  private times = new Float64Array(4096)
  /**
   * Per request: the six token counts (TOKEN_KINDS) and their total, whole numbers up to
   * MAX_REQUEST_TOKENS each (claudeTokens checks them), so 32 bits hold them.
   */
  private counts = new Uint32Array(4096 * COUNTS)
  /** Per request: its session's and its model's number, and its replay check: the mainKeys number of its hashed message id, or -1. */
  private refs = new Int32Array(4096 * REFS)
  /** Main-thread messages (hashed), to recognise sidechain replays, and each one's request key (high and low words). */
  private readonly mainMessages = new HashedIdTable(4096)
  private mainKeys = new Uint32Array(4096 * 2)
  /** Whether a message of mainMessages is a main-thread one (a sidechain replay check adds the messages it asks about). */
  private mainKeySet = new Uint8Array(4096)
  private readonly sessions = new Numbering()
  private readonly models = new Numbering()

  /** Requests runs in the workspace counted (`known`), by their keys' words, each with its run's id at its number. */
  private readonly knownKeys: HashedIdTable
  private readonly knownOwners: string[] = []

  /** `known`: requests runs in the workspace counted, by hashed key (16 hex digits, as runs store them) → run id. */
  constructor(known: ReadonlyMap<string, string> = new Map()) {
    this.knownKeys = new HashedIdTable(known.size)
    // As words, so that each request is checked without spelling its key in hex; a key of another form can match no request.
    for (const [key, owner] of known) {
      if (!STORED_REQUEST_KEY.test(key)) continue
      this.knownOwners[this.knownKeys.add(parseInt(key.slice(0, 8), 16), parseInt(key.slice(8), 16))] = owner
    }
  }

  add(sessionId: string, { model, time, tokens, keyHigh, keyLow, messageHigh, messageLow, sidechain, hasRequestId }: ClaudeRequestLine): void {
    const total = totalTokens(tokens)
    const existing = this.keys.find(keyHigh, keyLow)
    if (existing !== -1 && this.counts[existing * COUNTS + TOTAL] >= total) return
    // Set even for a copy counted elsewhere: a sidechain replay of it is still a replay.
    if (!sidechain) {
      const entry = this.message(messageHigh, messageLow)
      this.mainKeys[2 * entry] = keyHigh
      this.mainKeys[2 * entry + 1] = keyLow
      this.mainKeySet[entry] = 1
    }
    if (this.countedElsewhere(sessionId, keyHigh, keyLow)) return
    const entry = existing === -1 ? this.keys.add(keyHigh, keyLow) : existing
    if (entry >= this.times.length) {
      this.times = doubled(this.times)
      this.counts = doubled(this.counts)
      this.refs = doubled(this.refs)
    }
    const at = entry * COUNTS
    this.times[entry] = time
    // Field by field (in TOKEN_KINDS order): a property read by a varying name is a slow lookup, six per request.
    const counts = this.counts
    counts[at] = tokens.input
    counts[at + 1] = tokens.output
    counts[at + 2] = tokens.cacheWrite5m
    counts[at + 3] = tokens.cacheWrite1h
    counts[at + 4] = tokens.cacheRead
    counts[at + 5] = tokens.reasoning
    counts[at + TOTAL] = total
    this.refs[entry * REFS] = this.sessions.of(sessionId)
    this.refs[entry * REFS + 1] = this.models.of(model)
    this.refs[entry * REFS + 2] = sidechain && hasRequestId ? this.message(messageHigh, messageLow) : -1
  }

  /** Whether a run already in the workspace counted this request (by its key's words) under another session. */
  countedElsewhere(sessionId: string, keyHigh: number, keyLow: number): boolean {
    if (this.knownKeys.size === 0) return false
    const entry = this.knownKeys.find(keyHigh, keyLow)
    return entry !== -1 && this.knownOwners[entry] !== sessionId
  }

  /** The number of a hashed message id in mainMessages, added when new. */
  private message(high: number, low: number): number {
    const entry = this.mainMessages.add(high, low)
    if (2 * entry >= this.mainKeys.length) {
      this.mainKeys = doubled(this.mainKeys)
      this.mainKeySet = doubled(this.mainKeySet)
    }
    return entry
  }

  /** The requests kept so far: a request kept later gets this number or a higher one. */
  get kept(): number {
    return this.keys.size
  }

  /**
   * The usage of a session among the requests kept at number `from` or later, as usageBySession
   * would give it now when the session has no other (its files came one after another from
   * then on, it had none before and took none from another session). With what it was made of
   * (UsageMade), for usageBySession to tell at the end whether it is the session's usage then.
   */
  usageKeptFrom(sessionId: string, from: number): { usage: UsageRecord[]; made: UsageMade } {
    const session = this.sessions.find(sessionId)
    const entries: number[] = []
    if (session !== undefined) for (let entry = from; entry < this.keys.size; entry++) if (this.refs[entry * REFS] === session && !this.isReplay(entry)) entries.push(entry)
    const made = new Float64Array(2 * entries.length)
    // Pushed, as usageBySession's are: an array from `map` is of another kind, which made buildRun drop its optimised code.
    const usage: UsageRecord[] = []
    entries.forEach((entry, i) => {
      made[2 * i] = entry
      made[2 * i + 1] = this.counts[entry * COUNTS + TOTAL]
      usage.push(this.record(entry, sessionId))
    })
    return { usage, made }
  }

  /**
   * The kept requests without sidechain replays, by session, each session's in the order their
   * keys first came. Made one session at a time: the import's records need not all exist at once.
   */
  usageBySession(): SessionUsage {
    const { keys, counts, refs } = this
    const sessions = this.sessions.texts.length
    // Each session's requests as a list through `next`, in key order.
    const first = new Int32Array(sessions).fill(-1)
    const last = new Int32Array(sessions).fill(-1)
    const next = new Int32Array(keys.size).fill(-1)
    for (let entry = 0; entry < keys.size; entry++) {
      if (this.isReplay(entry)) continue
      const session = refs[entry * REFS]
      if (last[session] === -1) first[session] = entry
      else next[last[session]] = entry
      last[session] = entry
    }
    const firstOf = (sessionId: string) => {
      const session = this.sessions.find(sessionId)
      return session === undefined ? -1 : first[session]
    }
    return {
      of: (sessionId) => {
        const records: UsageRecord[] = []
        for (let entry = firstOf(sessionId); entry !== -1; entry = next[entry]) records.push(this.record(entry, sessionId))
        return records
      },
      // Requests are the same when their numbers and totals are: a copy replaces a request only with a greater total.
      unchanged: (sessionId, made) => {
        let at = 0
        for (let entry = firstOf(sessionId); entry !== -1; entry = next[entry], at += 2) if (made[at] !== entry || made[at + 1] !== counts[entry * COUNTS + TOTAL]) return false
        return at === made.length
      },
    }
  }

  /** Whether a kept request is a sidechain replay of a main-thread message counted under another request. */
  private isReplay(entry: number): boolean {
    const { keys, mainKeys } = this
    const replayOf = this.refs[entry * REFS + 2]
    return replayOf !== -1 && this.mainKeySet[replayOf] === 1 && (mainKeys[2 * replayOf] !== keys.high(entry) || mainKeys[2 * replayOf + 1] !== keys.low(entry))
  }

  private record(entry: number, sessionId: string): UsageRecord {
    const { counts, keys } = this
    const at = entry * COUNTS
    const tokens: TokenCounts = { input: counts[at], output: counts[at + 1], cacheWrite5m: counts[at + 2], cacheWrite1h: counts[at + 3], cacheRead: counts[at + 4], reasoning: counts[at + 5] }
    return { sessionId, model: this.models.texts[this.refs[entry * REFS + 1]], time: this.times[entry], tokens, key: hexOfWordPair(keys.high(entry), keys.low(entry)) }
  }
}

/** What a session's usage was made of: each request's number and token total, one after another. */
export type UsageMade = Float64Array

/** The usage of every session once all files are read (ClaudeRequests.usageBySession). */
export interface SessionUsage {
  of(sessionId: string): UsageRecord[]
  /** Whether the session's usage is still the one `made` describes (ClaudeRequests.usageKeptFrom). */
  unchanged(sessionId: string, made: UsageMade): boolean
}

const TOKEN_KINDS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'reasoning'] as const
const TOTAL = TOKEN_KINDS.length
const COUNTS = TOTAL + 1
const REFS = 3
/** A request key as a run stores it: hexOfWordPair's 16 lowercase hex digits. */
const STORED_REQUEST_KEY = /^[0-9a-f]{16}$/

/**
 * Strings numbered in the order first seen, each kept once. The last one numbered is
 * remembered: a transcript's requests come one after another with its session and mostly
 * one model, and a Map lookup for each was a third of adding them.
 */
class Numbering {
  readonly texts: string[] = []
  private readonly numbers = new Map<string, number>()
  private last: string | null = null
  private lastNumber = -1

  /** The text's number, the next one when it is new. */
  of(text: string): number {
    if (text === this.last) return this.lastNumber
    let number = this.numbers.get(text)
    if (number === undefined) this.numbers.set(text, (number = this.texts.push(text) - 1))
    this.last = text
    this.lastNumber = number
    return number
  }

  find(text: string): number | undefined {
    return this.numbers.get(text)
  }
}

/**
 * The stored key of a request, as its two words into `words` at `at`: `message.id:requestId`
 * hashed (hashRequestKeyWords); without a request id, the message id within its session.
 */
export function requestKeyWords(sessionId: string, messageId: string, requestId: string | null, words: Uint32Array, at: number): void {
  if (requestId === null) hashRequestKeyWords(sessionId, '\u0000', messageId, words, at)
  else hashRequestKeyWords(messageId, ':', requestId, words, at)
}
