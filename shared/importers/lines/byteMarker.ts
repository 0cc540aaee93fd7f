/**
 * Finds ASCII markers in raw line bytes without decoding them, so a reader can skip the lines
 * it does not need (most of a transcript's bytes are tool output nobody counts).
 *
 * The search jumps between occurrences of the marker's rarest byte with the native
 * `indexOf` (memchr on Node Buffers) and compares the rest in place.
 */
export interface ByteMarker {
  readonly text: string
  readonly bytes: Uint8Array
  /** Index in `bytes` of the byte the search jumps on. */
  readonly anchor: number
}

// How common a byte is in JSON logs of prose and code, lowest first: punctuation rare in text,
// capitals, then lowercase letters by English frequency. `:` and `"` are in every key.
const RARE_PUNCTUATION = '<{_'
const LETTERS_BY_RARITY = 'zqxjkvbpygwfmucldrhsnioate'

function rarity(char: string): number {
  if (RARE_PUNCTUATION.includes(char)) return RARE_PUNCTUATION.indexOf(char)
  if (char >= 'A' && char <= 'Z') return 3
  if (LETTERS_BY_RARITY.includes(char)) return 4 + LETTERS_BY_RARITY.indexOf(char)
  return char === ':' ? 40 : char === '"' ? 50 : 30
}

export function byteMarker(text: string): ByteMarker {
  const bytes = new TextEncoder().encode(text)
  if (bytes.some((byte) => byte > 127)) throw new Error(`marker must be ASCII: ${text}`)
  let anchor = 0
  for (let i = 1; i < text.length; i++) if (rarity(text[i]) < rarity(text[anchor])) anchor = i
  return { text, bytes, anchor }
}

/** The index of the first occurrence of `marker` in bytes[start, end), or -1. */
export function indexOfMarker(bytes: Uint8Array, marker: ByteMarker, start: number, end: number): number {
  const { bytes: needle, anchor } = marker
  const anchorByte = needle[anchor]
  const last = end - needle.length
  let at = bytes.indexOf(anchorByte, start + anchor)
  while (at !== -1) {
    const begin = at - anchor
    if (begin > last) return -1
    let k = 0
    while (k < needle.length && bytes[begin + k] === needle[k]) k++
    if (k === needle.length) return begin
    at = bytes.indexOf(anchorByte, at + 1)
  }
  return -1
}

export function hasMarker(bytes: Uint8Array, marker: ByteMarker, start: number, end: number): boolean {
  return indexOfMarker(bytes, marker, start, end) !== -1
}

/** The index of the last occurrence of `marker` in bytes[start, end), or -1. */
export function lastIndexOfMarker(bytes: Uint8Array, marker: ByteMarker, start: number, end: number): number {
  const { bytes: needle, anchor } = marker
  const anchorByte = needle[anchor]
  let at = end - needle.length + anchor
  if (at < start + anchor) return -1
  at = bytes.lastIndexOf(anchorByte, at)
  while (at !== -1 && at - anchor >= start) {
    const begin = at - anchor
    let k = 0
    while (k < needle.length && bytes[begin + k] === needle[k]) k++
    if (k === needle.length) return begin
    if (at === 0) return -1
    at = bytes.lastIndexOf(anchorByte, at - 1)
  }
  return -1
}

/** Whether `prefix`'s bytes are at `at`, wholly before `end`. */
export function bytesStartWith(bytes: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > end) return false
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false
  return true
}
