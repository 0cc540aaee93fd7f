import { byteMarker, indexOfMarker, lastIndexOfMarker } from './byteMarker'

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
const MAX_TIMESTAMP_BYTES = 40

/**
 * The value of a top-level-looking `"timestamp":"…"` key, read straight from the bytes of a line
 * the reader does not otherwise parse (a key pattern with its quotes cannot occur inside a JSON
 * string, where quotes are escaped). `fromEnd` searches backwards, for formats that write the
 * timestamp last. Returns null when absent or not ASCII.
 */
export function peekTimestamp(bytes: Uint8Array, start: number, end: number, fromEnd: boolean): string | null {
  const at = fromEnd ? lastIndexOfMarker(bytes, TIMESTAMP_KEY, start, end) : indexOfMarker(bytes, TIMESTAMP_KEY, start, end)
  if (at === -1) return null
  const valueStart = at + TIMESTAMP_KEY.bytes.length
  const close = bytes.indexOf(QUOTE, valueStart)
  if (close === -1 || close > end || close - valueStart > MAX_TIMESTAMP_BYTES) return null
  // A plain loop: spreading the bytes into String.fromCharCode cost six times as much, on every line.
  let value = ''
  for (let i = valueStart; i < close; i++) {
    const byte = bytes[i]
    if (byte > 127) return null
    value += String.fromCharCode(byte)
  }
  return value
}

const OPEN_BRACE = 123
const CLOSE_BRACE = 125

/**
 * A cheap check for lines a reader skips without parsing: a JSONL record starts with "{" and
 * ends with "}", so a line cut off mid-write fails it. (Whitespace was trimmed by the writer.)
 */
export function looksLikeJsonObject(bytes: Uint8Array, start: number, end: number): boolean {
  return end > start && bytes[start] === OPEN_BRACE && bytes[end - 1] === CLOSE_BRACE
}
