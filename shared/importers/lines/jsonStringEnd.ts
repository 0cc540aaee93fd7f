const QUOTE = 34
const BACKSLASH = 92
const LOWER_U = 117

/** Which bytes may follow a backslash in a JSON string (`\u` is checked apart, with its four hex digits). */
const SHORT_ESCAPE = new Uint8Array(128)
for (const char of '"\\/bfnrt') SHORT_ESCAPE[char.charCodeAt(0)] = 1
const HEX_DIGIT = new Uint8Array(128)
for (const char of '0123456789abcdefABCDEF') HEX_DIGIT[char.charCodeAt(0)] = 1

/** A 32-bit view of the buffer a line lies in, made once per buffer (readers reuse theirs from line to line). */
let words: Int32Array<ArrayBufferLike> = new Int32Array(0)
let wordsOf: ArrayBufferLike | null = null

/**
 * The index of the quote that closes the JSON string whose content starts at `start`, or -1
 * when it does not close before `end` or its content is not what `JSON.parse` accepts (a raw
 * control character, an unknown escape, `\u` without four hex digits). Invalid UTF-8 is no
 * reason: lines are decoded with replacement characters.
 *
 * Lets a reader skip a long string without parsing it: four bytes at a time are checked for
 * a quote, a backslash or a control character at once (the classic "has a zero byte" test on
 * 32-bit words, whichever their byte order), and only a word with one of them is looked at
 * byte by byte. On prose with an escape every 50 bytes this took half the time of a byte loop.
 */
export function jsonStringEnd(bytes: Uint8Array, start: number, end: number): number {
  if (bytes.buffer !== wordsOf) {
    wordsOf = bytes.buffer
    words = new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2)
  }
  const offset = bytes.byteOffset
  const lastWord = ((offset + end) >> 2) - 1
  let i = start
  while (i < end) {
    // A word-aligned run of plain bytes is passed over whole.
    if (((offset + i) & 3) === 0) {
      let word = (offset + i) >> 2
      while (word <= lastWord && plainWord(words[word])) word++
      i = (word << 2) - offset
      if (i >= end) break
    }
    const byte = bytes[i]
    if (byte === QUOTE) return i
    if (byte < 32) return -1
    if (byte === BACKSLASH) {
      const escaped = bytes[i + 1]
      if (escaped === LOWER_U && i + 5 < end && HEX_DIGIT[bytes[i + 2]] && HEX_DIGIT[bytes[i + 3]] && HEX_DIGIT[bytes[i + 4]] && HEX_DIGIT[bytes[i + 5]]) i += 6
      else if (i + 1 < end && escaped < 128 && SHORT_ESCAPE[escaped]) i += 2
      else return -1
    } else {
      i++
    }
  }
  return -1
}

/** Whether none of a word's four bytes is a quote, a backslash or below 32. */
function plainWord(word: number): boolean {
  const quotes = word ^ 0x22222222
  const backslashes = word ^ 0x5c5c5c5c
  return ((((word - 0x20202020) & ~word) | ((quotes - 0x01010101) & ~quotes) | ((backslashes - 0x01010101) & ~backslashes)) & 0x80808080) === 0
}
