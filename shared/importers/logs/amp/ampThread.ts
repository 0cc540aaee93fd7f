import { hasMarker, byteMarker } from '../../lines/byteMarker'
import type { StepLabeller } from '../../../steps/labelStep'
import type { TokenCounts } from '../../../records/common'
import type { AgentSession } from '../agentSession'
import { fileStem } from '../claudeCode/claudeSessionId'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import { repoNameFromRemote } from '../sessionNames'
import { parseTime, type SessionStep } from '../sessionTrack'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts } from '../tokenCounts'
import type { LogIssue } from '../types'
import type { UsageRecord } from '../usageRecord'
import { wholeJsonFileReader } from '../wholeJsonFile'
import { ampToolCall } from './ampToolCall'

/** Amp names its thread files after the thread: `T-<uuid>.json`. */
const THREAD_FILE = /(^|\/)T-[0-9a-f-]{8,}\.json$/i
/** A thread copied under another name is still recognised by its id, when written on one line. */
const THREAD_ID = byteMarker('"id":"T-')
const HEAD_BYTES = 256

/** Amp threads: `<AMP_DATA_DIR or ~/.local/share/amp>/threads/T-<uuid>.json`, one whole JSON document per thread. */
export const ampThreadFormat: SessionLogFormat = {
  tool: 'amp',
  wantsPath: (path) => THREAD_FILE.test(path),
  claims: (path, firstLine) => THREAD_FILE.test(path) || (path.toLowerCase().endsWith('.json') && hasMarker(firstLine, THREAD_ID, 0, Math.min(firstLine.length, HEAD_BYTES))),
  reader: (path, labeller, warn, done) => wholeJsonFileReader(path, warn, (thread) => done([ampSession(thread, path, labeller, warn)])),
}

/**
 * One Amp thread as a session. Usage is read as ccusage reads it: the `usageLedger` events when
 * the thread has them (older Amp; cache tokens from the assistant message an event points to),
 * else each assistant message's `usage` (current Amp). Amp bills every model itself, so the
 * provider is Amp. A handoff or fork is a thread of its own, as Amp lists it.
 */
export function ampSession(thread: JsonObject, path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void): AgentSession {
  const id = text(thread.id) ?? fileStem(path)
  const messages = Array.isArray(thread.messages) ? thread.messages.filter(isObject) : []
  const times: number[] = [typeof thread.created === 'number' ? thread.created : NaN]
  const steps: SessionStep[] = []
  for (const message of messages) {
    const meta = isObject(message.meta) ? message.meta : null
    if (typeof meta?.sentAt === 'number') times.push(meta.sentAt)
    const usage = isObject(message.usage) ? message.usage : null
    const time = parseTime(usage?.timestamp ?? message.timestamp)
    times.push(time)
    if (message.role === 'assistant' && Array.isArray(message.content)) {
      const model = text(usage?.model) ?? text(message.model) ?? undefined
      for (const block of message.content) {
        if (!isObject(block) || block.type !== 'tool_use') continue
        const toolCall = ampToolCall(block)
        const call = toolCall && labeller.reduce(toolCall, model)
        const label = call && labeller.labelCall(call)
        if (label) steps.push({ time, label, key: text(block.id), call })
      }
    }
  }
  const ledger = isObject(thread.usageLedger) && Array.isArray(thread.usageLedger.events) ? thread.usageLedger.events : null
  const usage = ledger ? ledgerUsage(ledger, messages, id, path, warn) : messageUsage(messages, id, path, warn)
  const tree = firstTree(thread)
  const repository = tree && isObject(tree.repository) ? tree.repository : null
  const remote = text(repository?.url)
  return {
    tool: 'amp',
    id,
    provider: 'amp',
    cwd: tree ? treePath(tree) : null,
    remoteRepo: remote ? repoNameFromRemote(remote) : null,
    branch: branchName(text(repository?.ref)),
    times: [...times, ...usage.map((record) => record.time)],
    steps,
    usage,
    parentId: null,
  }
}

const MESSAGE_FIELDS = ['inputTokens', 'outputTokens', 'cacheCreationInputTokens', 'cacheReadInputTokens', 'totalTokens'] as const
const LEDGER_FIELDS = ['input', 'output', 'total'] as const

function messageUsage(messages: JsonObject[], threadId: string, path: string, warn: (issue: LogIssue) => void): UsageRecord[] {
  const records: UsageRecord[] = []
  for (const message of messages) {
    if (message.role !== 'assistant' || !isObject(message.usage)) continue
    const usage = message.usage
    const time = parseTime(text(usage.timestamp) ?? message.timestamp)
    const model = text(usage.model) ?? text(message.model)
    if (!Number.isFinite(time) || !model) continue
    const counts = readTokenCounts(usage, MESSAGE_FIELDS, MAX_REQUEST_TOKENS)
    const messageId = typeof message.messageId === 'number' || typeof message.messageId === 'string' ? String(message.messageId) : null
    if (isImplausible(counts)) {
      warn({ path, line: 0, message: `message ${messageId ?? '(no id)'}: ${counts.implausible}; not counted` })
      continue
    }
    const tokens = withTotal(counts.inputTokens, counts.outputTokens, counts.cacheCreationInputTokens, counts.cacheReadInputTokens, counts.totalTokens)
    if (tokens) records.push({ sessionId: threadId, model, time, tokens, key: messageId === null ? null : `amp:${threadId}:message:${messageId}` })
  }
  return records
}

function ledgerUsage(events: unknown[], messages: JsonObject[], threadId: string, path: string, warn: (issue: LogIssue) => void): UsageRecord[] {
  const cacheByMessage = new Map<number, { write: number; read: number }>()
  for (const message of messages) {
    if (message.role !== 'assistant' || typeof message.messageId !== 'number') continue
    const usage = isObject(message.usage) ? message.usage : {}
    const counts = readTokenCounts(usage, ['cacheCreationInputTokens', 'cacheReadInputTokens'] as const, MAX_REQUEST_TOKENS)
    cacheByMessage.set(message.messageId, isImplausible(counts) ? { write: 0, read: 0 } : { write: counts.cacheCreationInputTokens, read: counts.cacheReadInputTokens })
  }
  const records: UsageRecord[] = []
  for (const [index, event] of events.entries()) {
    if (!isObject(event) || !isObject(event.tokens)) continue
    const time = parseTime(event.timestamp)
    const model = text(event.model)
    if (!Number.isFinite(time) || !model) continue
    const counts = readTokenCounts(event.tokens, LEDGER_FIELDS, MAX_REQUEST_TOKENS)
    if (isImplausible(counts)) {
      warn({ path, line: 0, message: `usage ledger event ${index + 1}: ${counts.implausible}; not counted` })
      continue
    }
    const cache = (typeof event.toMessageId === 'number' && cacheByMessage.get(event.toMessageId)) || { write: 0, read: 0 }
    const tokens = withTotal(counts.input, counts.output, cache.write, cache.read, counts.total)
    const eventId = text(event.id) ?? `#${index}`
    if (tokens) records.push({ sessionId: threadId, model, time, tokens, key: `amp:${threadId}:ledger:${eventId}` })
  }
  return records
}

/**
 * A request's counts; a `total` above the parts (older records give only the total) is output
 * the parts do not name, as ccusage counts it. All zero: not a request (a cancelled turn).
 */
function withTotal(input: number, output: number, cacheWrite: number, cacheRead: number, total: number): TokenCounts | null {
  const missing = Math.max(0, total - (input + output + cacheWrite + cacheRead))
  const counts = { input, output: output + missing, cacheWrite5m: cacheWrite, cacheWrite1h: 0, cacheRead, reasoning: 0 }
  return counts.input + counts.output + counts.cacheWrite5m + counts.cacheRead === 0 ? null : counts
}

function firstTree(thread: JsonObject): JsonObject | null {
  const env = isObject(thread.env) && isObject(thread.env.initial) ? thread.env.initial : null
  const trees = env && Array.isArray(env.trees) ? env.trees : []
  return trees.find(isObject) ?? null
}

/** A workspace tree's folder: `file:///Users/carol/src/api` (percent-encoded) or an editor's `{fsPath}`. */
function treePath(tree: JsonObject): string | null {
  const uri = tree.uri
  if (isObject(uri)) return text(uri.fsPath) ?? text(uri.path)
  const value = text(uri)
  if (!value) return null
  if (!value.startsWith('file://')) return value
  try {
    return decodeURIComponent(value.slice('file://'.length).replace(/^localhost\//, '/'))
  } catch {
    return null
  }
}

/** "refs/heads/fix-rounding" → "fix-rounding"; a bare name as it is. */
function branchName(ref: string | null): string | null {
  if (!ref) return null
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) || null : ref
}
