import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import type { AgentTool } from '../agentTools'
import { isObject, text, type JsonObject } from '../jsonFields'
import { epochMillis, type SessionStep } from '../sessionTrack'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts } from '../tokenCounts'
import type { LogIssue } from '../types'
import type { UsageRecord } from '../usageRecord'
import { openCodeToolCall } from './openCodeToolCall'

/** Where a record came from, for its warning. */
export interface RecordPlace {
  path: string
  line: number
}

interface SessionParts {
  id: string
  /** When the session record says it was created (a fork is younger than its source). */
  created: number
  parentId: string | null
  cwd: string | null
  billedBy: string | null
  prompted: string | null
  times: number[]
  /** Steps with the message whose part they are. */
  steps: { messageId: string; step: SessionStep }[]
  usage: Map<string, UsageRecord>
}

const TOKEN_FIELDS = ['input', 'output', 'reasoning', 'total'] as const
const CACHE_FIELDS = ['read', 'write'] as const

/**
 * OpenCode's sessions (and Kilo's: the same store) gathered from its records, whichever way they
 * were kept: rows of opencode.db or the JSON files of the older storage/ folder. A session is
 * its session record (directory, parent), its messages (an assistant message is one billed
 * request, keyed by its message id) and the tool parts of those messages (steps).
 *
 * Forking a session copies its messages, usage and all, under new ids into a new session: a
 * request found in several sessions (same times, model and tokens) counts in the oldest only,
 * as do its steps.
 */
export class OpenCodeSessions {
  private readonly sessions = new Map<string, SessionParts>()
  /** Each message's model, for the steps of its parts. */
  private readonly messageModels = new Map<string, string>()
  /** The sessions and messages holding each request (its times, model and tokens), to find a fork's copies. */
  private readonly requestCopies = new Map<string, { sessionId: string; messageId: string }[]>()

  constructor(
    private readonly tool: AgentTool,
    private readonly labeller: StepLabeller,
    private readonly warn: (issue: LogIssue) => void,
  ) {}

  /** A session record: `parentId` set for a subagent's session (the `task` tool). */
  addSession(id: string, fields: { parentId: string | null; directory: string | null; created: unknown; updated: unknown }): void {
    const session = this.session(id)
    session.parentId ??= fields.parentId
    session.cwd ??= fields.directory
    session.created = Math.min(session.created, epochMillis(fields.created) || Infinity)
    session.times.push(epochMillis(fields.created), epochMillis(fields.updated))
  }

  /** A message (`info` without or with its id and sessionID, as the store keeps it). */
  addMessage(id: string, sessionId: string, info: JsonObject, place: RecordPlace): void {
    const session = this.session(sessionId)
    const time = isObject(info.time) ? epochMillis(info.time.created) : NaN
    session.times.push(time, isObject(info.time) ? epochMillis(info.time.completed) : NaN)
    const model = info.role === 'assistant' ? text(info.modelID) : isObject(info.model) ? text(info.model.modelID) : null
    const provider = info.role === 'assistant' ? text(info.providerID) : isObject(info.model) ? text(info.model.providerID) : null
    // Who bills the session: the provider of its first model reply, else of its first prompt.
    if (info.role === 'assistant') session.billedBy ??= provider
    session.prompted ??= provider
    if (model) this.messageModels.set(id, model)
    session.cwd ??= isObject(info.path) ? text(info.path.cwd) : null
    if (info.role !== 'assistant' || !isObject(info.tokens) || !model) return
    const tokens = requestTokens(info.tokens)
    if (isImplausible(tokens)) return this.warn({ ...place, message: `${tokens.implausible}; message not counted` })
    if (tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite5m === 0) return
    session.usage.set(id, { sessionId, model, time, tokens, key: id })
    const request = JSON.stringify([info.time, model, info.tokens])
    this.requestCopies.set(request, [...(this.requestCopies.get(request) ?? []), { sessionId, messageId: id }])
  }

  /** A part of a message: a `tool` part is a step (other parts say nothing the run keeps). */
  addPart(id: string, messageId: string, sessionId: string, part: JsonObject): void {
    const call = openCodeToolCall(part)
    if (!call) return
    const session = this.session(sessionId)
    const state = isObject(part.state) ? part.state : {}
    const time = isObject(state.time) ? epochMillis(state.time.start) : NaN
    session.times.push(time)
    const reduced = this.labeller.reduce(call, this.messageModels.get(messageId))
    const label = this.labeller.labelCall(reduced)
    if (label) session.steps.push({ messageId, step: { time, label, key: text(part.callID) ?? id, call: reduced } })
  }

  finish(): AgentSession[] {
    const copied = this.forkCopies()
    return [...this.sessions.values()].map((session) => ({
      tool: this.tool,
      id: session.id,
      parentId: session.parentId === session.id ? null : session.parentId,
      provider: session.billedBy ?? session.prompted ?? 'unknown',
      cwd: session.cwd,
      remoteRepo: null,
      branch: null,
      times: session.times.filter(Number.isFinite),
      steps: session.steps.filter(({ messageId }) => !copied.has(messageId)).map(({ step }) => step),
      usage: [...session.usage.values()].filter((record) => !copied.has(record.key!)),
    }))
  }

  /** The messages that are a fork's copies of a request of an older session. */
  private forkCopies(): Set<string> {
    const copies = new Set<string>()
    const created = (sessionId: string) => this.sessions.get(sessionId)!.created
    const older = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0)
    for (const holders of this.requestCopies.values()) {
      if (holders.length < 2) continue
      const [, ...forks] = [...holders].sort((a, b) => older(created(a.sessionId), created(b.sessionId)) || a.sessionId.localeCompare(b.sessionId))
      for (const fork of forks) copies.add(fork.messageId)
    }
    return copies
  }

  private session(id: string): SessionParts {
    let session = this.sessions.get(id)
    if (!session) {
      session = { id, created: Infinity, parentId: null, cwd: null, billedBy: null, prompted: null, times: [], steps: [], usage: new Map() }
      this.sessions.set(id, session)
    }
    return session
  }
}

/**
 * An assistant message's `tokens`: `output` leaves out `reasoning`, which OpenCode bills at
 * the output rate, so the request's output is both (`reasoning` says how much of it was
 * reasoning). A provider that reports only a `total` has it counted as output, as ccusage does.
 */
function requestTokens(tokens: JsonObject) {
  const counts = readTokenCounts(tokens, TOKEN_FIELDS, MAX_REQUEST_TOKENS)
  if (isImplausible(counts)) return counts
  const cache = readTokenCounts(isObject(tokens.cache) ? tokens.cache : {}, CACHE_FIELDS, MAX_REQUEST_TOKENS)
  if (isImplausible(cache)) return { implausible: `cache ${cache.implausible}` }
  const known = counts.input + counts.output + counts.reasoning + cache.read + cache.write
  const unnamed = Math.max(0, counts.total - known)
  return {
    input: counts.input,
    output: counts.output + counts.reasoning + unnamed,
    cacheWrite5m: cache.write,
    cacheWrite1h: 0,
    cacheRead: cache.read,
    reasoning: counts.reasoning,
  }
}
