import { decodeUtf8OrAnsi } from './utf8OrAnsi'

/**
 * UTF-8 read one byte per char. A platform's byte-per-char reader (Node's
 * `Buffer#latin1Slice`) is five times faster than UTF-8 decoding and gives one-byte
 * strings, which V8 splits and compares much faster than the two-byte strings that one
 * "≤" anywhere in a chunk makes of decoded text. Delimiters, quotes and newlines are ASCII
 * and no multi-byte UTF-8 sequence contains an ASCII byte, so a CSV splits the same either
 * way; only the values holding bytes ≥ 0x80 need decoding afterwards (`utf8FromLatin1`).
 */
export type Latin1Reader = (bytes: Uint8Array) => string

/**
 * Decodes a value read by a Latin1Reader. Values end at ASCII bytes, so this gives exactly
 * what decoding the whole file would, Windows-1252 for bytes that break UTF-8 included.
 */
export function utf8FromLatin1(text: string): string {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return decodeUtf8OrAnsi(bytes)
}

const ASCII = new TextDecoder()
const PIECE_BYTES = 8192

/**
 * A Latin1Reader in script, for a platform without a native one (the browser): bytes all
 * ASCII through TextDecoder, whose ASCII path is fast, any others by String.fromCharCode a
 * piece at a time. Chromium decodes UTF-8 text with a "≤" on every line into two-byte
 * strings, several times slower than this reads it into one-byte strings.
 */
export function latin1InScript(bytes: Uint8Array): string {
  if (isAscii(bytes)) return ASCII.decode(bytes)
  let text = ''
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) text += String.fromCharCode.apply(null, bytes.subarray(i, i + PIECE_BYTES) as unknown as number[])
  return text
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false
  return true
}

const HIGH_BITS = 0x80808080

/**
 * The bytes a CSV tokenizer has not split yet plus the next chunk, in one buffer reused from
 * chunk to chunk (a fresh buffer per 64 KiB chunk cost 8% of an import), and where their
 * non-ASCII bytes are: tested four bytes at a time, because a regular-expression scan of the
 * text for [\x80-\xff] cost more than the decoding it saves.
 */
export class ByteWindow {
  private bytes = new Uint8Array(0)
  private words = new Uint32Array(0)
  private length = 0
  private start = 0

  /** Keeps the last `keep` bytes, appends `chunk`, and returns the window's bytes. */
  append(keep: number, chunk: Uint8Array): Uint8Array {
    const total = keep + chunk.length
    const restFrom = this.length - keep
    if (total > this.bytes.length) {
      const grown = new Uint8Array(Math.max(total, this.bytes.length * 2) + 3)
      grown.set(this.bytes.subarray(restFrom, this.length))
      this.bytes = grown
      this.words = new Uint32Array(grown.buffer, 0, grown.length >> 2)
    } else if (keep > 0) {
      this.bytes.copyWithin(0, restFrom, this.length)
    }
    this.bytes.set(chunk, keep)
    this.length = total
    this.start = 0
    return this.bytes.subarray(0, total)
  }

  /** The text now starts `count` bytes later (a dropped first line). */
  skip(count: number): void {
    this.start += count
  }

  /** The text index of the first byte ≥ 0x80 at or after `from`, or the text's length. */
  next(from: number): number {
    const { bytes, length, start } = this
    let i = start + from
    while (i < length && (i & 3) !== 0) {
      if (bytes[i] >= 0x80) return i - start
      i++
    }
    const words = this.words
    const lastWord = length >> 2
    let word = i >> 2
    while (word < lastWord && (words[word] & HIGH_BITS) === 0) word++
    for (i = Math.max(i, word << 2); i < length; i++) if (bytes[i] >= 0x80) return i - start
    return length - start
  }
}
