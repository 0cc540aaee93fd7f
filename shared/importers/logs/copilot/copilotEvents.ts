import { byteMarker } from '../../lines/byteMarker'
import type { TokenCounts } from '../../../records/common'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { fileStem } from '../claudeCode/claudeSessionId'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import { repoNameFromRemote } from '../sessionNames'
import { TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { MAX_THREAD_TOKENS, isImplausible, readTokenCounts } from '../tokenCounts'
import { markedLines } from '../markedLines'
import { firstRecord, type LogIssue, type LogLineReader } from '../types'
import { totalTokens, type UsageRecord } from '../usageRecord'
import { copilotToolCall } from './copilotToolCall'

// Copilot writes `{"type":"…","data":{…},"id":…,"timestamp":…,"parentId":…}`: the kind is in the
// first bytes of a line, the timestamp after the (often large) data.
const HEAD_BYTES = 64
const WANTED = ['"session.start"', '"session.resume"', '"session.shutdown"', '"session.model_change"', '"tool.execution_start"'].map(byteMarker)
const USAGE_FIELDS = ['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens'] as const
/** `session-state/<id>/events.jsonl`, and the flat `session-state/<id>.jsonl` of early versions. */
const STORE_PATH = /(^|\/)session-state\/(?:[^/]+\/events|[^/]+)\.jsonl$/i
const EVENT_TYPE = /^[a-z_]+\.[a-z_.]+$/

/** GitHub Copilot CLI session event logs (`~/.copilot/session-state/<session id>/events.jsonl`). */
export const copilotEventsFormat: SessionLogFormat = {
  tool: 'copilot-cli',
  wantsPath: (path) => /\.jsonl$/i.test(path),
  claims: (path, firstLine) => STORE_PATH.test(path) || isCopilotEvent(firstLine),
  reader: (path, labeller, warn, done) => copilotEventsReader(path, labeller, warn, (session) => done([session])),
}

/** A Copilot event line: a dotted `type` ("session.start"), a `data` object and an event `id`. */
function isCopilotEvent(line: Uint8Array): boolean {
  const record = firstRecord(line)
  return record !== null && typeof record.type === 'string' && EVENT_TYPE.test(record.type) && isObject(record.data) && typeof record.id === 'string'
}

/**
 * Reads one Copilot CLI session. Tokens come only from `session.shutdown` events (per-request
 * `assistant.usage` events are never written to disk): each holds, per model, what one process
 * of the session used, so a session resumed twice has a shutdown per process and they add up.
 * A process's totals are spread evenly over the requests it counts, so a run's request count
 * and the long-context tier (decided per request) see requests, not one process-sized sum.
 * A shutdown line seen twice (same event id) counts once. Subagents run inside the session:
 * their requests are in its shutdown and their tool calls in its events.
 */
export function copilotEventsReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (session: AgentSession) => void): LogLineReader {
  let sessionId: string | null = null
  let cwd: string | null = null
  let remoteRepo: string | null = null
  let branch: string | null = null
  let model: string | null = null
  const usage = new Map<string, UsageRecord>()
  const steps: SessionStep[] = []
  const span = new TimeSpan()

  const seeContext = (context: unknown) => {
    if (!isObject(context)) return
    cwd ??= text(context.cwd)
    branch ??= text(context.branch)
    const repository = text(context.repository)
    remoteRepo ??= repository ? repoNameFromRemote(repository) : null
  }

  const readShutdown = (record: JsonObject, data: JsonObject, time: number, lineNumber: number) => {
    if (!isObject(data.modelMetrics)) return
    const eventId = text(record.id) ?? `line-${lineNumber}`
    for (const [name, metric] of Object.entries(data.modelMetrics)) {
      if (!isObject(metric) || !isObject(metric.usage)) continue
      const counts = readTokenCounts(metric.usage, USAGE_FIELDS, MAX_THREAD_TOKENS)
      if (isImplausible(counts)) {
        warn({ path, line: lineNumber, message: `${counts.implausible} for model ${name}; not counted` })
        continue
      }
      const tokens = copilotTokens(name, counts)
      if (totalTokens(tokens) === 0) continue
      const requests = isObject(metric.requests) ? metric.requests.count : undefined
      spreadOverRequests(tokens, requests).forEach((share, i) => {
        const key = `${eventId}:${name}:${i}`
        usage.set(key, { sessionId: '', model: name, time, tokens: share, key })
      })
    }
  }

  const handle = (record: JsonObject, lineNumber: number) => {
    const time = parseTime(record.timestamp)
    span.seeTime(time)
    const data = isObject(record.data) ? record.data : null
    if (!data) return
    switch (record.type) {
      case 'session.start':
        sessionId ??= text(data.sessionId)
        seeContext(data.context)
        model = text(data.selectedModel) ?? model
        break
      case 'session.resume':
        seeContext(data.context)
        model = text(data.selectedModel) ?? model
        break
      case 'session.model_change':
        model = text(data.newModel) ?? model
        break
      case 'tool.execution_start': {
        const toolCall = copilotToolCall(data)
        const call = toolCall && labeller.reduce(toolCall, text(data.model) ?? model ?? undefined)
        const label = call && labeller.labelCall(call)
        if (label) steps.push({ time, label, key: text(data.toolCallId), call })
        break
      }
      case 'session.shutdown':
        readShutdown(record, data, time, lineNumber)
    }
  }

  return {
    line: markedLines({ path, warn, wanted: WANTED, headBytes: HEAD_BYTES, span, timestampLast: true, handle }),
    finish() {
      const id = sessionId ?? sessionIdFromPath(path)
      done({
        tool: 'copilot-cli',
        id,
        provider: 'github-copilot',
        cwd,
        remoteRepo,
        branch,
        times: span.times(),
        steps,
        usage: [...usage.values()].map((record) => ({ ...record, sessionId: id })),
        parentId: null,
      })
    },
  }
}

/**
 * A shutdown's per-model usage as token counts. `inputTokens` includes the cached tokens (read
 * and written), which are priced apart. Reasoning tokens are part of `outputTokens` for Claude
 * and GPT models; Gemini reports its thinking apart, and it is billed as output.
 */
function copilotTokens(model: string, counts: Record<(typeof USAGE_FIELDS)[number], number>): TokenCounts {
  const thinkingApart = /(^|\/)gemini-/i.test(model)
  return {
    input: Math.max(0, counts.inputTokens - counts.cacheReadTokens - counts.cacheWriteTokens),
    output: counts.outputTokens + (thinkingApart ? counts.reasoningTokens : 0),
    cacheWrite5m: counts.cacheWriteTokens,
    cacheWrite1h: 0,
    cacheRead: counts.cacheReadTokens,
    reasoning: counts.reasoningTokens,
  }
}

/** More requests than any process makes: a damaged count spreads no further. */
const MAX_SPREAD = 10_000

/** `tokens` as `count` requests of equal size (the remainders on the first), or as one when the count is unusable. */
function spreadOverRequests(tokens: TokenCounts, count: unknown): TokenCounts[] {
  const shares = typeof count === 'number' && Number.isInteger(count) && count > 1 ? Math.min(count, MAX_SPREAD) : 1
  return Array.from({ length: shares }, (_, i) => {
    const share = (total: number) => Math.floor(total / shares) + (i === 0 ? total % shares : 0)
    return {
      input: share(tokens.input),
      output: share(tokens.output),
      cacheWrite5m: share(tokens.cacheWrite5m),
      cacheWrite1h: share(tokens.cacheWrite1h),
      cacheRead: share(tokens.cacheRead),
      reasoning: share(tokens.reasoning),
    }
  })
}

/** `…/<session id>/events.jsonl` → the folder's name; a flat `<session id>.jsonl` → its stem. */
function sessionIdFromPath(path: string): string {
  const parts = path.split(/[\\/]/)
  const name = parts[parts.length - 1]
  return name.toLowerCase() === 'events.jsonl' && parts.length >= 2 && parts[parts.length - 2] ? parts[parts.length - 2] : fileStem(name)
}
