import { byteMarker, bytesStartWith, indexOfMarker } from '../../lines/byteMarker'
import { jsonStringEnd } from '../../lines/jsonStringEnd'

const THINKING = byteMarker('"type":"thinking","thinking":"')
const SIGNATURE = byteMarker(',"signature":"')
const BACKSLASH = 92

/** Where lines without their thinking text are written: one per thread, reused from line to line. */
let scratch = new Uint8Array(64 * 1024)

/**
 * The line with its thinking block's `thinking` and `signature` strings emptied, or null when
 * it has none (or anything about it is off: the full line is parsed then). The first line of a
 * response is parsed in full, and its thinking block (`{"type":"thinking","thinking":"…",
 * "signature":"…"}`) is most of its bytes; nothing the import reads is in those two strings.
 *
 * `JSON.parse` of what is returned gives the full line's value with those two strings empty,
 * or throws when the full line would: the match is structural (a quote inside a string is
 * escaped, and one that closes a string followed by `type` is a syntax error either way), and
 * the strings taken out are checked to be valid where they stood (jsonStringEnd).
 *
 * The returned view is overwritten by the next call.
 */
export function withoutThinkingText(bytes: Uint8Array): Uint8Array | null {
  const end = bytes.length
  const at = indexOfMarker(bytes, THINKING, 0, end)
  if (at === -1 || !unescaped(bytes, at)) return null
  const thinkingStart = at + THINKING.bytes.length
  const thinkingEnd = jsonStringEnd(bytes, thinkingStart, end)
  if (thinkingEnd === -1) return null
  let restStart = thinkingEnd
  if (bytesStartWith(bytes, thinkingEnd + 1, bytes.length, SIGNATURE.bytes)) {
    const signatureStart = thinkingEnd + 1 + SIGNATURE.bytes.length
    const signatureEnd = jsonStringEnd(bytes, signatureStart, end)
    if (signatureEnd === -1) return null
    restStart = signatureEnd
  }
  // The head to the opening quote of `thinking`, `","signature":"` if there is one, then the rest from the closing quote of the last string taken out.
  const between = restStart === thinkingEnd ? 0 : 1 + SIGNATURE.bytes.length
  const length = thinkingStart + between + (end - restStart)
  if (scratch.length < length) scratch = new Uint8Array(Math.max(length, scratch.length * 2))
  scratch.set(bytes.subarray(0, thinkingStart), 0)
  scratch.set(bytes.subarray(thinkingEnd, thinkingEnd + between), thinkingStart)
  scratch.set(bytes.subarray(restStart, end), thinkingStart + between)
  return scratch.subarray(0, length)
}

/** Whether the quote at `at` is not escaped (preceded by an even run of backslashes). */
function unescaped(bytes: Uint8Array, at: number): boolean {
  let before = at - 1
  while (before >= 0 && bytes[before] === BACKSLASH) before--
  return (at - 1 - before) % 2 === 0
}
