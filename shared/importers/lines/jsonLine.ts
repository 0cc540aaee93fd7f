import { byteMarker, indexOfMarker, lastIndexOfMarker, type ByteMarker } from './byteMarker'

const decoder = new TextDecoder()

/** Decodes one line (UTF-8; invalid bytes become U+FFFD rather than failing the file). */
export function decodeLine(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end))
}

/** Parses one JSONL line; throws SyntaxError on malformed JSON. */
export function parseJsonLine(bytes: Uint8Array, start: number, end: number): unknown {
  return JSON.parse(decodeLine(bytes, start, end))
}

const TIMESTAMP_KEY = byteMarker('"timestamp":"')
const QUOTE = 34
const BACKSLASH = 92
const MAX_TIMESTAMP_BYTES = 40

/**
 * The value of a top-level-looking `"timestamp":"…"` key, read straight from the bytes of a line
 * the reader does not otherwise parse (a key pattern with its quotes cannot occur inside a JSON
 * string, where quotes are escaped). `fromEnd` searches backwards, for formats that write the
 * timestamp last. Returns null when absent, too long, escaped or not ASCII.
 */
export function peekTimestamp(bytes: Uint8Array, start: number, end: number, fromEnd: boolean): string | null {
  const at = fromEnd ? lastIndexOfMarker(bytes, TIMESTAMP_KEY, start, end) : indexOfMarker(bytes, TIMESTAMP_KEY, start, end)
  if (at === -1) return null
  const valueStart = at + TIMESTAMP_KEY.bytes.length
  const close = bytes.indexOf(QUOTE, valueStart)
  if (close === -1 || close > end || close - valueStart > MAX_TIMESTAMP_BYTES) return null
  for (let i = valueStart; i < close; i++) if (bytes[i] > 127 || bytes[i] === BACKSLASH) return null
  return close - valueStart === CANONICAL_TIMESTAMP_BYTES ? canonicalLengthText(bytes, valueStart) : asciiText(bytes, valueStart, close)
}

/** "2026-01-02T03:04:05.678Z", as both agents write every line's time. */
const CANONICAL_TIMESTAMP_BYTES = 24

/**
 * The 24 ASCII bytes at `start` as a string, in one call: on every line of a log, this took a
 * tenth of the time of adding the characters one by one (spreading a view into
 * String.fromCharCode cost more than either).
 */
function canonicalLengthText(b: Uint8Array, i: number): string {
  return String.fromCharCode(
    b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7], b[i + 8], b[i + 9], b[i + 10], b[i + 11],
    b[i + 12], b[i + 13], b[i + 14], b[i + 15], b[i + 16], b[i + 17], b[i + 18], b[i + 19], b[i + 20], b[i + 21], b[i + 22], b[i + 23],
  )
}

function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = ''
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i])
  return text
}

/** Whether the last `"key":"` of the line has exactly `expected` (ASCII) as its value; compared in place. */
export function asciiValueIs(bytes: Uint8Array, key: ByteMarker, expected: string): boolean {
  const at = lastIndexOfMarker(bytes, key, 0, bytes.length)
  if (at === -1) return false
  const valueStart = at + key.bytes.length
  if (bytes[valueStart + expected.length] !== QUOTE) return false
  for (let i = 0; i < expected.length; i++) if (bytes[valueStart + i] !== expected.charCodeAt(i)) return false
  return true
}

/**
 * Parses the JSON object whose "{" is at `open`, alone (its end found by counting braces
 * outside strings); null when it does not close before `end` or is not valid JSON.
 */
export function parseJsonObjectAt(bytes: Uint8Array, open: number, end: number): unknown {
  const close = containerEnd(bytes, open, end)
  return close === -1 ? null : parseOrNull(bytes, open, close)
}

/**
 * Parses the JSON array or object whose "[" or "{" is at `open`, alone; its value and the index
 * just past it, or null when it does not close before `end` or is not valid JSON.
 */
export function parseJsonContainerAt(bytes: Uint8Array, open: number, end: number): { value: unknown; end: number } | null {
  const close = containerEnd(bytes, open, end)
  const value = close === -1 ? null : parseOrNull(bytes, open, close)
  return value === null ? null : { value, end: close }
}

/** The index just past the bracket that closes the one at `open` (counted outside strings; "{" and "[" alike, as valid JSON nests them), or -1. */
function containerEnd(bytes: Uint8Array, open: number, end: number): number {
  let depth = 0
  let inString = false
  for (let i = open; i < end; i++) {
    const byte = bytes[i]
    if (inString) {
      if (byte === BACKSLASH) i++
      else if (byte === QUOTE) inString = false
    } else if (byte === QUOTE) {
      inString = true
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++
    } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) {
      return i + 1
    }
  }
  return -1
}

function parseOrNull(bytes: Uint8Array, start: number, end: number): unknown {
  try {
    return parseJsonLine(bytes, start, end)
  } catch {
    return null
  }
}

const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const COLON = 58

/**
 * Whether a JSON object line is written compactly, as the agents write their logs: its first
 * key right after the "{" and the colon right after it, with no space. The byte-pattern fast
 * paths (`"usage":{`, `"timestamp":"`) only match such lines; a log re-saved by a script
 * (`{"type": "user"}`, `{ "type": … }`) is valid JSON too and must be parsed in full instead.
 */
export function writtenCompactly(bytes: Uint8Array, start: number, end: number): boolean {
  if (bytes[start] !== OPEN_BRACE || bytes[start + 1] !== QUOTE) return false
  for (let i = start + 2; i < end; i++) {
    const byte = bytes[i]
    if (byte === BACKSLASH) i++
    else if (byte === QUOTE) return bytes[i + 1] === COLON && bytes[i + 2] !== 32 && bytes[i + 2] !== 9
  }
  return false
}

/**
 * A cheap check for lines a reader skips without parsing: a JSONL record starts with "{" and
 * ends with "}", so a line cut off mid-write fails it. (forEachLine trims the blanks around it.)
 */
export function looksLikeJsonObject(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && bytes[start] === OPEN_BRACE && bytes[end - 1] === CLOSE_BRACE
}
