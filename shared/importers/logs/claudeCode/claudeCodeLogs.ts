import { byteMarker, hasMarker } from '../../lines/byteMarker'
import { looksLikeJsonObject, parseJsonLine, peekTimestamp } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { TokenCounts } from '../../../records/common'
import { isObject, text, type JsonObject } from '../jsonFields'
import { SessionTrack, TimeSpan, parseTime } from '../sessionTrack'
import { malformedLineMessage, type LogIssue, type LogLineReader } from '../types'
import type { UsageRecord } from '../usageRecord'
import { claudeSessionIdFromPath, fileStem } from './claudeSessionId'
import { claudeTokens, claudeToolCall, slashCommand } from './claudeRecord'
import { ClaudeRequests } from './claudeRequests'

// Only lines with these markers are parsed: assistant lines (usage, tool calls) and slash
// commands. The rest (tool results, file snapshots, hooks: most of the bytes) only give a
// timestamp, read straight from the bytes.
const USAGE = byteMarker('"usage":{')
const COMMAND = byteMarker('<command-name>')

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
  steps: { time: number; label: string; key: string | null }[]
  /** Timestamps that bound the session (earliest and latest, as numbers and as read). */
  times: number[]
}

/** Reads one Claude Code transcript; `result` is ready after `finish`. */
export function claudeTranscriptReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void): LogLineReader & { result(): ClaudeTranscript } {
  const transcript: ClaudeTranscript = { sessionId: claudeSessionIdFromPath(path), cwd: null, branch: null, requests: [], steps: [], times: [] }
  const span = new TimeSpan()

  const record = (line: JsonObject, time: number, location: string) => {
    const sidechain = line.isSidechain === true
    if (!sidechain) {
      transcript.cwd ??= text(line.cwd)
      transcript.branch = text(line.gitBranch) ?? transcript.branch
    }
    const message = line.message
    if (!isObject(message)) return
    if (line.type === 'assistant') {
      assistant(message, line, time, sidechain, location)
    } else if (line.type === 'user' && !sidechain && line.isMeta !== true) {
      const command = slashCommand(message.content)
      const label = command && labeller.label({ tool: 'SlashCommand', command })
      if (label) transcript.steps.push({ time, label, key: text(line.uuid) })
    }
  }

  const assistant = (message: JsonObject, line: JsonObject, time: number, sidechain: boolean, location: string) => {
    const model = text(message.model)
    // API-error lines carry model "<synthetic>" and zero usage: not a billed request.
    if (isObject(message.usage) && model !== '<synthetic>') {
      const tokens = claudeTokens(message.usage)
      if (tokens) transcript.requests.push({ model: model ?? 'unknown', time, tokens, messageId: text(message.id) ?? location, requestId: text(line.requestId), sidechain })
    }
    // Subagent work is one `subagent` step (the Agent/Task call); its own calls stay out.
    if (sidechain || !Array.isArray(message.content)) return
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use' || typeof block.name !== 'string') continue
      const label = labeller.label(claudeToolCall(block.name, block.input))
      if (label) transcript.steps.push({ time, label, key: text(block.id) })
    }
  }

  return {
    line: (bytes, lineNumber, terminated) => {
      if (hasMarker(bytes, USAGE, 0, bytes.length) || hasMarker(bytes, COMMAND, 0, bytes.length)) {
        let line: unknown
        try {
          line = parseJsonLine(bytes, 0, bytes.length)
        } catch {
          warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
          return
        }
        if (!isObject(line)) return
        transcript.sessionId ??= text(line.sessionId) ?? fileStem(path)
        const time = parseTime(line.timestamp)
        span.seeTime(time)
        record(line, time, `${path}:${lineNumber}`)
      } else if (!looksLikeJsonObject(bytes, 0, bytes.length)) {
        warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      } else {
        span.seeText(peekTimestamp(bytes, 0, bytes.length, true))
      }
    },
    finish: () => {
      if (span.empty) return
      transcript.sessionId ??= fileStem(path)
      transcript.times = span.times()
    },
    result: () => transcript,
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
