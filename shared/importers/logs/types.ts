import { looksLikeJsonObject, parseJsonLine } from '../lines/jsonLine'
import { isObject, type JsonObject } from './jsonFields'

/**
 * A log file as the importer sees it: a name and a way to read its bytes. Node passes
 * readFileChunks (views of one reused buffer: a reader copies what it keeps), the browser
 * `File.stream()`; the importer never touches a file system itself.
 */
export interface LogFileSource {
  path: string
  chunks: () => AsyncIterable<Uint8Array>
}

/** A problem in one file; `line` is 1-based, 0 for the file as a whole. */
export interface LogIssue {
  path: string
  line: number
  message: string
}

/** Reads one file line by line (see forEachLine); `finish` runs after the last line. */
export interface LogLineReader {
  line(bytes: Uint8Array, lineNumber: number, terminated: boolean): void
  finish(): void
}

export type { AgentTool } from './agentTools'

/** The message for a line that is not a JSON object. Never quotes the line: it may hold prompt text. */
export function malformedLineMessage(terminated: boolean): string {
  return terminated ? 'not a valid JSON record; line skipped' : 'truncated last line (no newline at the end; the file was being written); line skipped'
}

/** A JSONL line as an object, or null: a malformed line becomes a warning naming its line. */
export function parseLogLine(bytes: Uint8Array, path: string, lineNumber: number, terminated: boolean, warn: (issue: LogIssue) => void): JsonObject | null {
  let record: unknown
  try {
    record = parseJsonLine(bytes, 0, bytes.length)
  } catch {
    warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
    return null
  }
  return isObject(record) ? record : null
}

/** A file's first line as an object, for a format's `claims`; null when it is not one (never a warning: another format may read it). */
export function firstRecord(bytes: Uint8Array): JsonObject | null {
  if (!looksLikeJsonObject(bytes, 0, bytes.length)) return null
  try {
    const record = parseJsonLine(bytes, 0, bytes.length)
    return isObject(record) ? record : null
  } catch {
    return null
  }
}
