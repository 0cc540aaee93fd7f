import { hasMarker, type ByteMarker } from '../lines/byteMarker'
import { looksLikeJsonObject, peekTimestamp, writtenCompactly } from '../lines/jsonLine'
import type { JsonObject } from './jsonFields'
import type { TimeSpan } from './sessionTrack'
import { malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from './types'

/** How a JSONL reader that parses only the kinds of lines it counts tells them apart. */
export interface MarkedLines {
  path: string
  warn: (issue: LogIssue) => void
  /** Markers of the wanted kinds (`"token_count"`), looked for in a line's first `headBytes`. */
  wanted: readonly ByteMarker[]
  headBytes: number
  /** Where other lines' timestamps go. */
  span: TimeSpan
  /** Whether the format writes a line's timestamp after its payload (peeked from the end). */
  timestampLast: boolean
  handle(record: JsonObject, lineNumber: number): void
}

/**
 * The `line` of such a reader: a line that is not a JSON object is a warning; a compact line
 * with none of the wanted markers in its head is not parsed, only its timestamp read; any other
 * line is parsed whole and handed over (a line not written compactly may hold its kind past the
 * head, and its timestamp escapes peekTimestamp).
 */
export function markedLines({ path, warn, wanted, headBytes, span, timestampLast, handle }: MarkedLines): LogLineReader['line'] {
  return (bytes, lineNumber, terminated) => {
    if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
    const head = Math.min(bytes.length, headBytes)
    if (!writtenCompactly(bytes, 0, bytes.length) || wanted.some((marker) => hasMarker(bytes, marker, 0, head))) {
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record) handle(record, lineNumber)
    } else {
      span.seeText(peekTimestamp(bytes, 0, bytes.length, timestampLast))
    }
  }
}
