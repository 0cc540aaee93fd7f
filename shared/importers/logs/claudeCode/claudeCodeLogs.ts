import { byteMarker, hasMarker, indexOfMarker } from '../../lines/byteMarker'
import { asciiValueIs, looksLikeJsonObject, parseJsonObjectAt, peekTimestamp } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { TokenCounts } from '../../../records/common'
import { isObject, text, type JsonObject } from '../jsonFields'
import { SessionTrack, TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { totalTokens, type UsageRecord } from '../usageRecord'
import { claudeSessionIdFromPath, fileStem } from './claudeSessionId'
import { claudeTokens, claudeToolCall, slashCommand } from './claudeRecord'
import { ClaudeRequests } from './claudeRequests'

// Only lines with these markers are parsed: assistant lines (usage, tool calls) and slash
// commands. The rest (tool results, file snapshots, hooks: most of the bytes) only give a
// timestamp, read straight from the bytes.
const USAGE = byteMarker('"usage":{')
const COMMAND = byteMarker('<command-name>')
const TOOL_USE = byteMarker('"tool_use"')
const REQUEST_ID = byteMarker('"requestId":"')

/** One request line as read, before deduplication across files. */
export interface ClaudeRequestLine {
  model: string
  time: number
  tokens: TokenCounts
  messageId: string
  requestId: string | null
  sidechain: boolean
}

/**
 * What one transcript says, as plain data (it may be read on another thread): the session its
 * lines went to and, in file order, what they add to it. Merged by `ClaudeCodeLogs.add`.
 */
export interface ClaudeTranscript {
  sessionId: string | null
  /** The first working directory and the last branch of the main thread, if any. */
  cwd: string | null
  branch: string | null
  requests: ClaudeRequestLine[]
  steps: SessionStep[]
  /** Timestamps that bound the session (earliest and latest, as numbers and as read). */
  times: number[]
}

/** The request a fully parsed assistant line counted, which its split lines continue. */
type CountedRequest = Omit<ClaudeRequestLine, 'time' | 'tokens'> & { requestId: string }

/** Reads one Claude Code transcript; `done` gets it after the last line. */
export function claudeTranscriptReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (transcript: ClaudeTranscript) => void): LogLineReader {
  const transcript: ClaudeTranscript = { sessionId: claudeSessionIdFromPath(path), cwd: null, branch: null, requests: [], steps: [], times: [] }
  const span = new TimeSpan()
  let counted: CountedRequest | null = null

  /**
   * Split lines of one response follow each other: of such a run only the line with the most
   * tokens (the first of equals) is kept, which is all ClaudeRequests would keep of them in
   * any case, so a transcript carries a third of the lines to the merge (and across threads).
   */
  const addRequest = (request: ClaudeRequestLine) => {
    const requests = transcript.requests
    const last = requests[requests.length - 1]
    if (last && last.messageId === request.messageId && last.requestId === request.requestId && last.sidechain === request.sidechain) {
      if (totalTokens(request.tokens) > totalTokens(last.tokens)) requests[requests.length - 1] = request
    } else {
      requests.push(request)
    }
  }

  /** Reads a parsed line; returns the request it counted, if any. */
  const record = (line: JsonObject, time: number, location: string): CountedRequest | null => {
    const sidechain = line.isSidechain === true
    if (!sidechain) {
      transcript.cwd ??= text(line.cwd)
      transcript.branch = text(line.gitBranch) ?? transcript.branch
    }
    const message = line.message
    if (!isObject(message)) return null
    if (line.type === 'assistant') return assistant(message, line, time, sidechain, location)
    if (line.type === 'user' && !sidechain && line.isMeta !== true) {
      const command = slashCommand(message.content)
      const label = command && labeller.label({ tool: 'SlashCommand', command })
      if (label) transcript.steps.push({ time, label, key: text(line.uuid) })
    }
    return null
  }

  const assistant = (message: JsonObject, line: JsonObject, time: number, sidechain: boolean, location: string): CountedRequest | null => {
    const model = text(message.model)
    let request: CountedRequest | null = null
    // API-error lines carry model "<synthetic>" and zero usage: not a billed request.
    if (isObject(message.usage) && model !== '<synthetic>') {
      const tokens = claudeTokens(message.usage)
      if (tokens) {
        const messageId = text(message.id) ?? location
        const requestId = text(line.requestId)
        addRequest({ model: model ?? 'unknown', time, tokens, messageId, requestId, sidechain })
        // Without a request id there is nothing to recognise the split lines by.
        if (requestId !== null) request = { model: model ?? 'unknown', messageId, requestId, sidechain }
      }
    }
    // Subagent work is one `subagent` step (the Agent/Task call); its own calls stay out.
    if (sidechain || !Array.isArray(message.content)) return request
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use' || typeof block.name !== 'string') continue
      const label = labeller.label(claudeToolCall(block.name, block.input))
      if (label) transcript.steps.push({ time, label, key: text(block.id) })
    }
    return request
  }

  /**
   * One API response is written as several lines, one per content block, each repeating the
   * usage. A line of the request the previous parsed line counted, without a tool call or a
   * command, adds only its usage and time: those are read from its bytes, and the prose
   * around them (thinking, text: most of the bytes) is never parsed. Whatever does not fit
   * (no usage object, an unreadable one) is parsed in full instead. Only the requestId is
   * compared: the lines of one response repeat its message id, sidechain flag, cwd and branch
   * (Claude Code writes each block with the same envelope), so those are taken as counted.
   */
  const continuation = (bytes: Uint8Array, usageAt: number, request: CountedRequest): boolean => {
    const end = bytes.length
    // Only assistant lines carry a requestId, so a user line with a command never gets this far.
    if (usageAt === -1 || !looksLikeJsonObject(bytes, 0, end) || !asciiValueIs(bytes, REQUEST_ID, request.requestId) || hasMarker(bytes, TOOL_USE, 0, end)) return false
    const usage = parseJsonObjectAt(bytes, usageAt + USAGE.bytes.length - 1, end)
    const timestamp = peekTimestamp(bytes, 0, end, true)
    const tokens = isObject(usage) ? claudeTokens(usage) : null
    if (!tokens || timestamp === null) return false
    const time = parseTime(timestamp)
    span.seeTime(time)
    addRequest({ model: request.model, time, tokens, messageId: request.messageId, requestId: request.requestId, sidechain: request.sidechain })
    return true
  }

  return {
    line: (bytes, lineNumber, terminated) => {
      const usageAt = indexOfMarker(bytes, USAGE, 0, bytes.length)
      if (usageAt !== -1 || hasMarker(bytes, COMMAND, 0, bytes.length)) {
        if (counted && terminated && continuation(bytes, usageAt, counted)) return
        const line = parseLogLine(bytes, path, lineNumber, terminated, warn)
        if (!line) return
        transcript.sessionId ??= text(line.sessionId) ?? fileStem(path)
        const time = parseTime(line.timestamp)
        span.seeTime(time)
        counted = record(line, time, `${path}:${lineNumber}`)
      } else if (!looksLikeJsonObject(bytes, 0, bytes.length)) {
        warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      } else {
        span.seeText(peekTimestamp(bytes, 0, bytes.length, true))
      }
    },
    finish: () => {
      if (!span.empty) {
        transcript.sessionId ??= fileStem(path)
        transcript.times = span.times()
      }
      done(transcript)
    },
  }
}

/** Claude Code transcripts of one import: usage is deduplicated across all of its files. */
export class ClaudeCodeLogs {
  readonly sessions = new Map<string, SessionTrack>()
  private readonly requests = new ClaudeRequests()

  /** Adds a transcript's lines, in the order the files are read. */
  add(transcript: ClaudeTranscript): void {
    if (transcript.sessionId === null) return
    let session = this.sessions.get(transcript.sessionId)
    if (!session) {
      session = new SessionTrack(transcript.sessionId, 'claude-code')
      this.sessions.set(session.id, session)
    }
    session.cwd ??= transcript.cwd
    session.branch = transcript.branch ?? session.branch
    for (const request of transcript.requests) {
      this.requests.add(session.id, request.model, request.time, request.tokens, request.messageId, request.requestId, request.sidechain)
    }
    // Steps before the file's own times: a step without a timestamp goes where the session stood.
    for (const step of transcript.steps) session.addStep(step.time, step.label, step.key)
    for (const time of transcript.times) session.seeTime(time)
  }

  usage(): UsageRecord[] {
    return this.requests.records()
  }
}
