/**
 * UTF-8 read one byte per char. A platform's byte-per-char reader (Node's
 * `Buffer#latin1Slice`) is five times faster than UTF-8 decoding and gives one-byte
 * strings, which V8 splits and compares much faster than the two-byte strings that one
 * "≤" anywhere in a chunk makes of decoded text. Delimiters, quotes and newlines are ASCII
 * and no multi-byte UTF-8 sequence contains an ASCII byte, so a CSV splits the same either
 * way; only the values holding bytes ≥ 0x80 need decoding afterwards (`utf8FromLatin1`).
 */
export type Latin1Reader = (bytes: Uint8Array) => string

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Decodes a value read by a Latin1Reader. Values end at ASCII bytes, so this gives exactly
 * what decoding the whole file would, U+FFFD for broken sequences included.
 */
export function utf8FromLatin1(text: string): string {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return utf8.decode(bytes)
}

const HIGH_BITS = 0x80808080

/**
 * Finds the non-ASCII bytes of a bytes-as-chars text. Tests four bytes at a time: a regular
 * expression scan of the text for [\x80-\xff] cost more than the decoding it saves.
 */
export class HighBytes {
  private readonly words: Uint32Array
  private start = 0

  /** `bytes` must start its buffer (offset 0), so four-byte words line up. */
  constructor(private readonly bytes: Uint8Array) {
    this.words = new Uint32Array(bytes.buffer, 0, bytes.length >> 2)
  }

  /** The text now starts `count` bytes later (a dropped first line). */
  skip(count: number): void {
    this.start += count
  }

  /** The text index of the first byte ≥ 0x80 at or after `from`, or the text's length. */
  next(from: number): number {
    const bytes = this.bytes
    const length = bytes.length
    let i = this.start + from
    while (i < length && (i & 3) !== 0) {
      if (bytes[i] >= 0x80) return i - this.start
      i++
    }
    const words = this.words
    let word = i >> 2
    while (word < words.length && (words[word] & HIGH_BITS) === 0) word++
    for (i = Math.max(i, word << 2); i < length; i++) if (bytes[i] >= 0x80) return i - this.start
    return length - this.start
  }
}
