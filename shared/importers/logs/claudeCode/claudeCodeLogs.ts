import { byteMarker, hasMarker } from '../../lines/byteMarker'
import { looksLikeJsonObject, parseJsonLine, peekTimestamp } from '../../lines/jsonLine'
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
    return {
      line: (bytes, lineNumber, terminated) => {
        if (hasMarker(bytes, USAGE, 0, bytes.length) || hasMarker(bytes, COMMAND, 0, bytes.length)) {
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
          this.record(record, session, time, `${path}:${lineNumber}`)
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

  private record(record: JsonObject, session: SessionTrack, time: number, location: string): void {
    const sidechain = record.isSidechain === true
    if (!sidechain) {
      session.cwd ??= text(record.cwd)
      session.branch = text(record.gitBranch) ?? session.branch
    }
    const message = record.message
    if (!isObject(message)) return
    if (record.type === 'assistant') {
      this.assistant(message, record, session, time, sidechain, location)
    } else if (record.type === 'user' && !sidechain && record.isMeta !== true) {
      const command = slashCommand(message.content)
      const label = command && this.labeller.label({ tool: 'SlashCommand', command })
      if (label) session.addStep(time, label, text(record.uuid))
    }
  }

  private assistant(message: JsonObject, record: JsonObject, session: SessionTrack, time: number, sidechain: boolean, location: string): void {
    const model = text(message.model)
    // API-error lines carry model "<synthetic>" and zero usage: not a billed request.
    if (isObject(message.usage) && model !== '<synthetic>') {
      const tokens = claudeTokens(message.usage)
      if (tokens) {
        this.requests.add(session.id, model ?? 'unknown', time, tokens, text(message.id) ?? location, text(record.requestId), sidechain)
      }
    }
    // Subagent work is one `subagent` step (the Agent/Task call); its own calls stay out.
    if (sidechain || !Array.isArray(message.content)) return
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use' || typeof block.name !== 'string') continue
      const label = this.labeller.label(claudeToolCall(block.name, block.input))
      if (label) session.addStep(time, label, text(block.id))
    }
  }
}
