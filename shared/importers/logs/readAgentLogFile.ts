import { DEFAULT_MAX_LINE_BYTES, forEachLine } from '../lines/splitLines'
import type { StepLabeller } from '../../steps/labelStep'
import type { AgentSession } from './agentSession'
import type { AgentTool } from './agentTools'
import { claudeTranscriptReader, type ClaudeTranscript } from './claudeCode/claudeCodeLogs'
import { isSqliteHeader, type SessionPlace } from './sessionLogFormat'
import { SESSION_LOG_FORMATS } from './sessionLogFormats'
import type { LogFileSource, LogIssue, LogLineReader } from './types'
import { plural } from '../../text/plural'

/**
 * One log file read on its own, as plain data: nothing in it depends on the other files, so
 * files can be read in any order or on several threads, then assembled in path order
 * (AgentLogAssembler), which is where requests are deduplicated across files.
 */
export interface AgentLogFile {
  path: string
  format: AgentTool | null
  lines: number
  bytes: number
  /** Skipped lines, in file order. */
  warnings: LogIssue[]
  /** Why the file could not be read (what was read before it failed is kept). */
  error: string | null
  claude: ClaudeTranscript | null
  /** The sessions of every other agent's file (one for most; a SQLite store or an export holds many). */
  sessions: AgentSession[]
  /** Where projects live, when the file says so (see SessionPlace). */
  places: SessionPlace[]
}

export async function readAgentLogFile(source: LogFileSource, labeller: StepLabeller): Promise<AgentLogFile> {
  const file: AgentLogFile = { path: source.path, format: null, lines: 0, bytes: 0, warnings: [], error: null, claude: null, sessions: [], places: [] }
  const warn = (issue: LogIssue) => file.warnings.push(issue)
  let reader: LogLineReader | null = null
  try {
    const stats = await forEachLine(source.chunks(), (line, lineNumber, terminated) => {
      if (!reader) reader = formatReader(file, line, labeller, warn)
      reader.line(line, lineNumber, terminated)
    })
    file.lines = stats.lines
    file.bytes = stats.bytes
    for (const line of stats.oversizedLines) warn({ path: source.path, line, message: `line longer than ${DEFAULT_MAX_LINE_BYTES / 2 ** 20} MiB; skipped` })
  } catch (error) {
    file.error = `cannot read the file: ${(error as Error).message ?? String(error)}`
  }
  ;(reader as LogLineReader | null)?.finish()
  if (nothingRead(file)) warn({ path: source.path, line: 0, message: `nothing could be read from this file: none of its ${plural(file.lines, 'line')} has a timestamp or token usage` })
  return file
}

/** The reader of the format that claims the file by its path and first line; Claude Code's for any other. */
function formatReader(file: AgentLogFile, firstLine: Uint8Array, labeller: StepLabeller, warn: (issue: LogIssue) => void): LogLineReader {
  if (isSqliteHeader(firstLine)) {
    // Raw database bytes: only the desktop app and the command line can open a SQLite store.
    file.error = 'a SQLite database: agent stores kept in SQLite (OpenCode, Goose, Kilo) are imported through the desktop app or the command line'
    return { line() {}, finish() {} }
  }
  const path = file.path.split('\\').join('/')
  const format = SESSION_LOG_FORMATS.find((candidate) => candidate.claims(path, firstLine))
  if (format) {
    file.format = format.tool
    return format.reader(file.path, labeller, warn, (sessions, places = []) => {
      file.sessions.push(...sessions)
      file.places.push(...places)
    })
  }
  file.format = 'claude-code'
  return claudeTranscriptReader(file.path, labeller, warn, (transcript) => (file.claude = transcript))
}

/**
 * A file of lines of which none gave a timestamp or a request (all malformed, or a format
 * the readers do not know) imports nothing: said, so it is never taken for an empty session.
 */
function nothingRead(file: AgentLogFile): boolean {
  const claudeRead = file.claude !== null && (file.claude.times.length > 0 || file.claude.requests.length > 0)
  const sessionsRead = file.sessions.some((session) => session.usage.length > 0 || session.times.some(Number.isFinite))
  return file.lines > 0 && file.error === null && !claudeRead && !sessionsRead && file.places.length === 0
}
