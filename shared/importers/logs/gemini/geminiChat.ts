import { looksLikeJsonObject } from '../../lines/jsonLine'
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
import { wholeJsonFileReader } from '../wholeJsonFile'
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
  const recording = new GeminiRecording(path, labeller, warn)
  if (/\.json$/i.test(path)) {
    return wholeJsonFileReader(path, warn, (document) => {
      recording.seeDocument(document, 0)
      done(recording.session())
    })
  }
  return {
    line(bytes, lineNumber, terminated) {
      if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record) recording.seeRecord(record, lineNumber)
    },
    finish: () => done(recording.session()),
  }
}

/** What one recording says, record by record (a whole legacy document is one record, line 0). */
class GeminiRecording {
  private metadata: JsonObject = {}
  private readonly messages = new Map<string, { message: JsonObject; line: number }>()
  private unnamed = 0
  private readonly span = new TimeSpan()

  constructor(
    private readonly path: string,
    private readonly labeller: StepLabeller,
    private readonly warn: (issue: LogIssue) => void,
  ) {}

  seeRecord(record: JsonObject, line: number): void {
    if (typeof record.$rewindTo === 'string') return
    if (isObject(record.$set)) return this.seeDocument(record.$set, line)
    if (typeof record.projectHash === 'string') return this.seeDocument(record, line)
    if (typeof record.type === 'string') this.seeMessage(record, line)
  }

  /** The metadata record of a recording, a `$set` update, or a whole legacy document: its fields, and the messages it lists. */
  seeDocument(document: JsonObject, line: number): void {
    const { messages: list, ...rest } = document
    this.metadata = { ...this.metadata, ...rest }
    if (Array.isArray(list)) for (const message of list) if (isObject(message)) this.seeMessage(message, line)
  }

  // Only what session() reads is kept of a message: never its text, thoughts or tool results.
  private seeMessage({ type, model, timestamp, tokens, toolCalls, id }: JsonObject, line: number): void {
    this.span.seeTime(parseTime(timestamp))
    const calls = Array.isArray(toolCalls) ? toolCalls.filter(isObject).map(({ id, name, args, timestamp }) => ({ id, name, args, timestamp })) : undefined
    this.messages.set(text(id) ?? `line-${line}-${++this.unnamed}`, { message: { type, model, timestamp, tokens, toolCalls: calls }, line })
  }

  session(): AgentSession {
    const { path, metadata, labeller, warn, span } = this
    for (const time of [metadata.startTime, metadata.lastUpdated]) span.seeTime(parseTime(time))
    const id = text(metadata.sessionId) ?? text(metadata.session_id) ?? fileStem(path).replace(/\.json$/i, '')
    const usage: UsageRecord[] = []
    const steps = new Map<string, SessionStep>()
    let model: string | null = null
    for (const [key, { message, line }] of this.messages) {
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
    return {
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
      // The project's folder, when the session does not list it, comes from its .project_root (geminiProjects.ts).
      ...(text(metadata.projectHash) ? { placeKey: text(metadata.projectHash)! } : {}),
    }
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

