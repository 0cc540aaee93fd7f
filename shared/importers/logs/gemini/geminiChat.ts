import { decodeLine, looksLikeJsonObject } from '../../lines/jsonLine'
import type { TokenCounts } from '../../../records/common'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { fileStem } from '../claudeCode/claudeSessionId'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import { TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { MAX_REQUEST_TOKENS, isImplausible, readTokenCounts } from '../tokenCounts'
import { firstRecord, malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { totalTokens, type UsageRecord } from '../usageRecord'
import { geminiToolCall } from './geminiToolCall'

/** Files of a `chats/` folder: `session-<time>-<id>.jsonl`, the older whole-JSON `session-*.json`, a subagent's `<parent id>/<id>.jsonl`. */
const LEGACY_SESSION = /(^|\/)chats\/session-[^/]*\.json$/i
const SESSION_FILE = /(^|\/)chats\/session-[^/]*\.jsonl?$/i
const TOKEN_FIELDS = ['input', 'output', 'cached', 'thoughts', 'tool', 'total'] as const
/** The model ccusage (and the price table) names a request whose model the log does not record. */
const UNKNOWN_MODEL = 'unknown'

/** Gemini CLI chat recordings (`~/.gemini/tmp/<project>/chats/`). */
export const geminiChatFormat: SessionLogFormat = {
  tool: 'gemini-cli',
  wantsPath: (path) => /\.jsonl$/i.test(path) || LEGACY_SESSION.test(path),
  claims: (path, firstLine) => SESSION_FILE.test(path) || isSessionMetadata(firstLine),
  reader: (path, labeller, warn, done) => geminiChatReader(path, labeller, warn, (session) => done([session])),
}

/** The first record of a recording: `{"sessionId":…,"projectHash":…,…}` (a whole legacy file on one line too). */
function isSessionMetadata(line: Uint8Array): boolean {
  const record = firstRecord(line)
  return record !== null && typeof record.sessionId === 'string' && typeof record.projectHash === 'string'
}

/**
 * Reads one Gemini CLI session. The JSONL recording starts with the session's metadata, then
 * appends each message whenever it changes (a reply, then its tokens, then its tool calls), so
 * a message id seen again replaces what it said before; `$rewindTo` drops messages from the
 * conversation, but their requests were made and billed, so they still count; `$set` updates
 * the metadata or replaces the message list with the same messages. The older `.json` file is
 * one JSON document with a `messages` array (a resumed one is copied into a `.jsonl` of the
 * same session, whose message ids then count once). A subagent's recording lies in a folder
 * named after its parent session.
 */
export function geminiChatReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (session: AgentSession) => void): LogLineReader {
  const wholeDocument = /\.json$/i.test(path)
  const documentLines: string[] = []
  let metadata: JsonObject = {}
  let model: string | null = null
  const messages = new Map<string, { message: JsonObject; line: number }>()
  let unnamed = 0
  const span = new TimeSpan()

  // Only what finish() reads is kept of a message: never its text, thoughts or tool results.
  const seeMessage = ({ type, model, timestamp, tokens, toolCalls, id }: JsonObject, line: number) => {
    span.seeTime(parseTime(timestamp))
    const calls = Array.isArray(toolCalls) ? toolCalls.filter(isObject).map(({ id, name, args, timestamp }) => ({ id, name, args, timestamp })) : undefined
    messages.set(text(id) ?? `line-${line}-${++unnamed}`, { message: { type, model, timestamp, tokens, toolCalls: calls }, line })
  }

  const seeRecord = (record: JsonObject, line: number) => {
    if (typeof record.$rewindTo === 'string') return
    if (isObject(record.$set)) {
      const { messages: list, ...rest } = record.$set
      metadata = { ...metadata, ...rest }
      if (Array.isArray(list)) for (const message of list) if (isObject(message)) seeMessage(message, line)
      return
    }
    if (typeof record.projectHash === 'string') return seeDocument(record, line)
    if (typeof record.type === 'string') seeMessage(record, line)
  }

  /** The metadata record of a recording, or a whole legacy document (its messages inside). */
  const seeDocument = (document: JsonObject, line: number) => {
    const { messages: list, ...rest } = document
    metadata = { ...metadata, ...rest }
    if (Array.isArray(list)) for (const message of list) if (isObject(message)) seeMessage(message, line)
  }

  const finish = () => {
    if (wholeDocument && documentLines.length > 0) {
      try {
        const document: unknown = JSON.parse(documentLines.join('\n'))
        if (isObject(document)) seeDocument(document, 1)
      } catch {
        warn({ path, line: 0, message: 'not a valid JSON document (the file may have been cut off while being written); nothing read' })
      }
    }
    for (const time of [metadata.startTime, metadata.lastUpdated]) span.seeTime(parseTime(time))
    const id = text(metadata.sessionId) ?? text(metadata.session_id) ?? fileStem(path).replace(/\.json$/i, '')
    const usage: UsageRecord[] = []
    const steps = new Map<string, SessionStep>()
    for (const [key, { message, line }] of messages) {
      model = text(message.model) ?? model
      if (message.type !== 'gemini') continue
      const time = parseTime(message.timestamp)
      if (isObject(message.tokens)) {
        const counts = readTokenCounts(message.tokens, TOKEN_FIELDS, MAX_REQUEST_TOKENS)
        if (isImplausible(counts)) warn({ path, line, message: `${counts.implausible}; message not counted` })
        else if (totalTokens(geminiTokens(counts)) > 0) usage.push({ sessionId: id, model: model ?? UNKNOWN_MODEL, time, tokens: geminiTokens(counts), key: `${id}:${key}` })
      }
      for (const record of Array.isArray(message.toolCalls) ? message.toolCalls : []) {
        if (!isObject(record)) continue
        const toolCall = geminiToolCall(record)
        const call = toolCall && labeller.reduce(toolCall, model ?? undefined)
        const label = call && labeller.labelCall(call)
        const stepTime = parseTime(record.timestamp)
        const stepKey = text(record.id)
        if (label) steps.set(stepKey ?? `${key}:${steps.size}`, { time: Number.isFinite(stepTime) ? stepTime : time, label, key: stepKey, call })
      }
    }
    done({
      tool: 'gemini-cli',
      id,
      provider: 'google',
      cwd: firstDirectory(metadata.directories),
      remoteRepo: null,
      branch: null,
      times: span.times(),
      steps: [...steps.values()],
      usage,
      parentId: metadata.kind === 'subagent' ? parentFolder(path) : null,
    })
  }

  return {
    line(bytes, lineNumber, terminated) {
      if (wholeDocument) return void documentLines.push(decodeLine(bytes, 0, bytes.length))
      if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record) seeRecord(record, lineNumber)
    },
    finish,
  }
}

/**
 * A message's tokens as counts. Gemini's prompt count includes the cached tokens (when `total`
 * shows it: total = input + output + thoughts + tool), which are priced apart; the tool-use
 * prompt is input too; thinking is billed as output (kept in `reasoning` as well).
 */
function geminiTokens(counts: Record<(typeof TOKEN_FIELDS)[number], number>): TokenCounts {
  const cachedInside = counts.cached > 0 && counts.total === counts.input + counts.output + counts.thoughts + counts.tool
  return {
    input: (cachedInside ? counts.input - Math.min(counts.input, counts.cached) : counts.input) + counts.tool,
    output: counts.output + counts.thoughts,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    cacheRead: counts.cached,
    reasoning: counts.thoughts,
  }
}

function firstDirectory(value: unknown): string | null {
  return Array.isArray(value) ? text(value[0]) : null
}

/** `chats/<parent session id>/<id>.jsonl` → the parent session id. */
function parentFolder(path: string): string | null {
  const parts = path.split(/[\\/]/)
  return parts.length >= 3 && parts[parts.length - 3] === 'chats' ? parts[parts.length - 2] || null : null
}

