import { byteMarker, hasMarker } from '../lines/byteMarker'
import { parseJsonLine, writtenCompactly } from '../lines/jsonLine'
import { DEFAULT_MAX_LINE_BYTES, forEachLine } from '../lines/splitLines'
import { isObject } from './jsonFields'
import type { StepLabeller } from '../../steps/labelStep'
import { claudeTranscriptReader, type ClaudeTranscript } from './claudeCode/claudeCodeLogs'
import { codexRolloutReader, type CodexRollout } from './codex/codexRollout'
import type { AgentTool, LogFileSource, LogIssue, LogLineReader } from './types'

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
  codex: CodexRollout | null
}

// A Codex rollout line has a `payload`; a Claude Code transcript line never does.
const CODEX_PAYLOAD = byteMarker('"payload":{')
const FORMAT_HEAD_BYTES = 256

export async function readAgentLogFile(source: LogFileSource, labeller: StepLabeller): Promise<AgentLogFile> {
  const file: AgentLogFile = { path: source.path, format: null, lines: 0, bytes: 0, warnings: [], error: null, claude: null, codex: null }
  const warn = (issue: LogIssue) => file.warnings.push(issue)
  let reader: LogLineReader | null = null
  try {
    const stats = await forEachLine(source.chunks(), (line, lineNumber, terminated) => {
      if (!reader) {
        file.format = isCodexRollout(source.path, line) ? 'codex' : 'claude-code'
        reader =
          file.format === 'codex'
            ? codexRolloutReader(source.path, labeller, warn, (rollout) => (file.codex = rollout))
            : claudeTranscriptReader(source.path, labeller, warn, (transcript) => (file.claude = transcript))
      }
      reader.line(line, lineNumber, terminated)
    })
    file.lines = stats.lines
    file.bytes = stats.bytes
    for (const line of stats.oversizedLines) warn({ path: source.path, line, message: `line longer than ${DEFAULT_MAX_LINE_BYTES / 2 ** 20} MiB; skipped` })
  } catch (error) {
    file.error = `cannot read the file: ${(error as Error).message ?? String(error)}`
  }
  ;(reader as LogLineReader | null)?.finish()
  if (nothingRead(file)) warn({ path: source.path, line: 0, message: `nothing could be read from this file: none of its ${file.lines} line(s) has a timestamp or token usage` })
  return file
}

function isCodexRollout(path: string, line: Uint8Array): boolean {
  const name = path.split(/[\\/]/).pop() ?? ''
  if (/^rollout-.*\.jsonl$/i.test(name)) return true
  if (writtenCompactly(line, 0, line.length)) return hasMarker(line, CODEX_PAYLOAD, 0, Math.min(line.length, FORMAT_HEAD_BYTES))
  // Re-saved with spaces, the marker cannot match: the line is parsed instead.
  try {
    const record = parseJsonLine(line, 0, line.length)
    return isObject(record) && isObject(record.payload)
  } catch {
    return false
  }
}

/**
 * A file of lines of which none gave a timestamp or a request (all malformed, or a format
 * the readers do not know) imports nothing: said, so it is never taken for an empty session.
 */
function nothingRead(file: AgentLogFile): boolean {
  const read = (part: { times: number[] } | null, requests: number) => part !== null && (part.times.length > 0 || requests > 0)
  return file.lines > 0 && file.error === null && !read(file.claude, file.claude?.requests.length ?? 0) && !read(file.codex, file.codex?.usage.length ?? 0)
}
