import { concatBytes } from '../../bytes/concatBytes'
import { copyOfBytes } from '../../bytes/copyOfBytes'

/**
 * Streams lines out of raw byte chunks. Splitting on byte 10 and decoding per line (only the
 * lines a reader wants) is what keeps JSONL import fast: decoding whole chunks turns any chunk
 * with one non-ASCII character into a slow two-byte string (engineering-notes §4).
 */
export type LineHandler = (line: Uint8Array, lineNumber: number, terminated: boolean) => void

export interface LineStats {
  lines: number
  bytes: number
  /** Lines over `maxLineBytes`, skipped (a corrupt file with no newlines must not exhaust memory). */
  oversizedLines: number[]
}

const NEWLINE = 10
const CARRIAGE_RETURN = 13
const SPACE = 32
const TAB = 9
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf]
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024

/**
 * Calls `onLine` for every non-blank line with the bytes of the line, a view that is only valid
 * during the call. Each line is its own view so that searches in it (`indexOf` has no end
 * bound) stop at the line's end, not the chunk's. `terminated` is false for a last line that
 * has no newline, which is how a log cut off mid-write ends.
 * A line comes without the blanks around it ("\r" of CRLF files, spaces an editor left) and,
 * on line 1, without a UTF-8 byte order mark (Windows tools write one), so that readers can
 * tell a record by its first and last byte.
 */
export async function forEachLine(chunks: AsyncIterable<Uint8Array>, onLine: LineHandler, maxLineBytes = DEFAULT_MAX_LINE_BYTES): Promise<LineStats> {
  const stats: LineStats = { lines: 0, bytes: 0, oversizedLines: [] }
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  let oversized = false

  const emit = (bytes: Uint8Array, start: number, end: number, terminated: boolean) => {
    stats.lines++
    if (stats.lines === 1 && startsWithByteOrderMark(bytes, start, end)) start += BYTE_ORDER_MARK.length
    while (end > start && isBlank(bytes[end - 1])) end--
    while (start < end && isBlank(bytes[start])) start++
    if (end > start) onLine(bytes.subarray(start, end), stats.lines, terminated)
  }
  const finishPending = (tail: Uint8Array, terminated: boolean) => {
    if (oversized || pendingBytes + tail.length > maxLineBytes) {
      stats.lines++
      stats.oversizedLines.push(stats.lines)
    } else {
      const line = concatBytes([...pending, tail], pendingBytes + tail.length)
      emit(line, 0, line.length, terminated)
    }
    pending = []
    pendingBytes = 0
    oversized = false
  }

  for await (const chunk of chunks) {
    stats.bytes += chunk.length
    let start = 0
    // From 0, not left out: Node's Buffer.indexOf compares a missing offset as a number, which made V8 drop its optimised code.
    let newline = chunk.indexOf(NEWLINE, 0)
    if (pendingBytes > 0 || oversized) {
      if (newline === -1) {
        keep(chunk)
        continue
      }
      finishPending(chunk.subarray(0, newline), true)
      start = newline + 1
      newline = chunk.indexOf(NEWLINE, start)
    }
    while (newline !== -1) {
      if (newline - start > maxLineBytes) {
        stats.lines++
        stats.oversizedLines.push(stats.lines)
      } else {
        emit(chunk, start, newline, true)
      }
      start = newline + 1
      newline = chunk.indexOf(NEWLINE, start)
    }
    if (start < chunk.length) keep(chunk.subarray(start))
  }
  if (pendingBytes > 0 || oversized) finishPending(new Uint8Array(0), false)
  return stats

  function keep(part: Uint8Array) {
    if (oversized) return
    if (pendingBytes + part.length > maxLineBytes) {
      oversized = true
      pending = []
      pendingBytes = 0
      return
    }
    // The producer may reuse its buffer for the next chunk.
    pending.push(copyOfBytes(part))
    pendingBytes += part.length
  }
}

function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CARRIAGE_RETURN
}

function startsWithByteOrderMark(bytes: Uint8Array, start: number, end: number): boolean {
  return end - start >= BYTE_ORDER_MARK.length && BYTE_ORDER_MARK.every((byte, i) => bytes[start + i] === byte)
}
