import { byteMarker, hasMarker, indexOfMarker } from '../../lines/byteMarker'
import { looksLikeJsonObject, parseJsonLine, parseJsonObjectAt, peekAsciiValue, peekTimestamp } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
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
const TOOL_USE = byteMarker('"tool_use"')
const REQUEST_ID = byteMarker('"requestId":"')
const MAX_REQUEST_ID_BYTES = 128

/** The request a fully parsed assistant line counted, which its split lines continue. */
interface CountedRequest {
  model: string
  messageId: string
  requestId: string
  sidechain: boolean
}

/** Claude Code transcripts of one import: usage is deduplicated across all of its files. */
export class ClaudeCodeLogs {
  readonly sessions = new Map<string, SessionTrack>()
  private readonly requests = new ClaudeRequests()

  constructor(
    private readonly labeller: StepLabeller,
    private readonly warn: (issue: LogIssue) => void,
  ) {}

  usage(): UsageRecord[] {
    return this.requests.records()
  }

  /** A reader for one transcript; `sessionIds` names the session its lines went to. */
  reader(path: string): LogLineReader & { sessionIds(): string[] } {
    const fromPath = claudeSessionIdFromPath(path)
    let session: SessionTrack | null = fromPath === null ? null : this.session(fromPath)
    const span = new TimeSpan()
    let counted: CountedRequest | null = null
    return {
      line: (bytes, lineNumber, terminated) => {
        const usageAt = indexOfMarker(bytes, USAGE, 0, bytes.length)
        if (usageAt !== -1 || hasMarker(bytes, COMMAND, 0, bytes.length)) {
          if (counted && terminated && this.continuation(bytes, usageAt, counted, session!, span)) return
          let record: unknown
          try {
            record = parseJsonLine(bytes, 0, bytes.length)
          } catch {
            this.warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
            return
          }
          if (!isObject(record)) return
          session ??= this.session(text(record.sessionId) ?? fileStem(path))
          const time = parseTime(record.timestamp)
          span.seeTime(time)
          counted = this.record(record, session, time, `${path}:${lineNumber}`)
        } else if (!looksLikeJsonObject(bytes, 0, bytes.length)) {
          this.warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
        } else {
          span.seeText(peekTimestamp(bytes, 0, bytes.length, true))
        }
      },
      finish: () => {
        if (span.empty) return
        session ??= this.session(fileStem(path))
        span.addTo(session)
      },
      sessionIds: () => (session ? [session.id] : []),
    }
  }

  private session(id: string): SessionTrack {
    let session = this.sessions.get(id)
    if (!session) {
      session = new SessionTrack(id, 'claude-code')
      this.sessions.set(id, session)
    }
    return session
  }

  /**
   * One API response is written as several lines, one per content block, each repeating the
   * usage. A line of the request the previous parsed line counted, without a tool call or a
   * command, adds only its usage and time: those are read from its bytes, and the prose
   * around them (thinking, text: most of the bytes) is never parsed. Whatever does not fit
   * (no usage object, an unreadable one) is parsed in full instead.
   */
  private continuation(bytes: Uint8Array, usageAt: number, counted: CountedRequest, session: SessionTrack, span: TimeSpan): boolean {
    const end = bytes.length
    if (usageAt === -1 || hasMarker(bytes, TOOL_USE, 0, end) || hasMarker(bytes, COMMAND, 0, end) || !looksLikeJsonObject(bytes, 0, end)) return false
    if (peekAsciiValue(bytes, REQUEST_ID, 0, end, true, MAX_REQUEST_ID_BYTES) !== counted.requestId) return false
    const usage = parseJsonObjectAt(bytes, usageAt + USAGE.bytes.length - 1, end)
    const timestamp = peekTimestamp(bytes, 0, end, true)
    const tokens = isObject(usage) ? claudeTokens(usage) : null
    if (!tokens || timestamp === null) return false
    const time = parseTime(timestamp)
    span.seeTime(time)
    this.requests.add(session.id, counted.model, time, tokens, counted.messageId, counted.requestId, counted.sidechain)
    return true
  }

  /** Reads a parsed line into its session; returns the request it counted, if any. */
  private record(record: JsonObject, session: SessionTrack, time: number, location: string): CountedRequest | null {
    const sidechain = record.isSidechain === true
    if (!sidechain) {
      session.cwd ??= text(record.cwd)
      session.branch = text(record.gitBranch) ?? session.branch
    }
    const message = record.message
    if (!isObject(message)) return null
    if (record.type === 'assistant') return this.assistant(message, record, session, time, sidechain, location)
    if (record.type === 'user' && !sidechain && record.isMeta !== true) {
      const command = slashCommand(message.content)
      const label = command && this.labeller.label({ tool: 'SlashCommand', command })
      if (label) session.addStep(time, label, text(record.uuid))
    }
    return null
  }

  private assistant(message: JsonObject, record: JsonObject, session: SessionTrack, time: number, sidechain: boolean, location: string): CountedRequest | null {
    const model = text(message.model)
    let counted: CountedRequest | null = null
    // API-error lines carry model "<synthetic>" and zero usage: not a billed request.
    if (isObject(message.usage) && model !== '<synthetic>') {
      const tokens = claudeTokens(message.usage)
      if (tokens) {
        const messageId = text(message.id) ?? location
        const requestId = text(record.requestId)
        this.requests.add(session.id, model ?? 'unknown', time, tokens, messageId, requestId, sidechain)
        // Without a request id there is nothing to recognise the split lines by.
        if (requestId !== null) counted = { model: model ?? 'unknown', messageId, requestId, sidechain }
      }
    }
    // Subagent work is one `subagent` step (the Agent/Task call); its own calls stay out.
    if (sidechain || !Array.isArray(message.content)) return counted
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use' || typeof block.name !== 'string') continue
      const label = this.labeller.label(claudeToolCall(block.name, block.input))
      if (label) session.addStep(time, label, text(block.id))
    }
    return counted
  }
}
