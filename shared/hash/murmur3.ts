import { utf8Native, type Utf8Writer } from '../bytes/utf8Writer'
import { hexWords } from './hexWords'

/**
 * MurmurHash3 x86_128 (Austin Appleby's reference, seed 0) of a string's UTF-8 bytes, as 32
 * hex characters (h1…h4, each big-endian, as murmurhash3js prints them). For keys that must
 * be short and never collide by accident, hashed by the million: a 190-character key takes
 * about a microsecond, where SHA-256 in JavaScript takes several. The text is encoded into
 * one reused buffer first: reading a freshly concatenated string with charCodeAt took twice
 * as long as encoding it and reading bytes.
 */
export function murmur3x86_128Hex(text: string): string {
  return hexWords(murmur3x86_128(text))
}

/** The hash as its four words h1…h4, in an array that the next call overwrites. */
export function murmur3x86_128(text: string): Int32Array {
  if (text.length * 3 > scratch.length) {
    scratch = new Uint8Array(text.length * 3)
    scratchWords = new Int32Array(scratch.buffer, 0, scratch.length >> 2)
  }
  return murmur3x86_128OfBytes(scratch, writeUtf8(text, scratch), LITTLE_ENDIAN ? scratchWords : null)
}

/** How this thread writes a text's UTF-8 bytes for the hash: TextEncoder's unless the platform installed a faster way. */
let writeUtf8: Utf8Writer = utf8Native

/**
 * Installs the platform's fastest UTF-8 writer for the hash (utf8Writer.ts), once at a thread's
 * start: the app's threads that hash keys by the million in a browser (the import workers, the
 * window, whose ledger hashes a batch's identities as it adds it) install utf8InScript. The
 * bytes, and so every hash, stay the same.
 */
export function installUtf8Writer(writer: Utf8Writer): void {
  writeUtf8 = writer
}

let scratch = new Uint8Array(1024)
// The scratch's blocks read a word at a time (a third of the hash's time on a 190-byte key),
// which gives the little-endian words the reference reads byte by byte on a little-endian machine.
let scratchWords = new Int32Array(scratch.buffer)
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const words = new Int32Array(4)

/** The hash of `bytes[0, length)`, in hex. */
export function murmur3x86_128HexOfBytes(bytes: Uint8Array, length = bytes.length): string {
  return hexWords(murmur3x86_128OfBytes(bytes, length, null))
}

/** `bytesAsWords`: the same bytes as 32-bit little-endian words, when the platform's are. */
function murmur3x86_128OfBytes(bytes: Uint8Array, length: number, bytesAsWords: Int32Array | null): Int32Array {
  let h1 = 0
  let h2 = 0
  let h3 = 0
  let h4 = 0
  const blockEnd = length - (length % 16)
  for (let i = 0; i < blockEnd; i += 16) {
    const w = i >> 2
    h1 = mixLane(h1 ^ scramble(bytesAsWords ? bytesAsWords[w] : wordAt(bytes, i), C1, 15, C2), 19, h2, 0x561ccd1b)
    h2 = mixLane(h2 ^ scramble(bytesAsWords ? bytesAsWords[w + 1] : wordAt(bytes, i + 4), C2, 16, C3), 17, h3, 0x0bcaa747)
    h3 = mixLane(h3 ^ scramble(bytesAsWords ? bytesAsWords[w + 2] : wordAt(bytes, i + 8), C3, 17, C4), 15, h4, 0x96cd1c35)
    h4 = mixLane(h4 ^ scramble(bytesAsWords ? bytesAsWords[w + 3] : wordAt(bytes, i + 12), C4, 18, C1), 13, h1, 0x32ac3b17)
  }

  // The tail's 1–15 bytes, as the reference's fall-through switch reads them.
  const tail = length - blockEnd
  if (tail > 12) h4 ^= scramble(tailWord(bytes, blockEnd + 12, length), C4, 18, C1)
  if (tail > 8) h3 ^= scramble(tailWord(bytes, blockEnd + 8, length), C3, 17, C4)
  if (tail > 4) h2 ^= scramble(tailWord(bytes, blockEnd + 4, length), C2, 16, C3)
  if (tail > 0) h1 ^= scramble(tailWord(bytes, blockEnd, length), C1, 15, C2)

  h1 ^= length
  h2 ^= length
  h3 ^= length
  h4 ^= length
  h1 = (h1 + h2 + h3 + h4) | 0
  h2 = (h2 + h1) | 0
  h3 = (h3 + h1) | 0
  h4 = (h4 + h1) | 0
  h1 = fmix32(h1)
  h2 = fmix32(h2)
  h3 = fmix32(h3)
  h4 = fmix32(h4)
  h1 = (h1 + h2 + h3 + h4) | 0
  h2 = (h2 + h1) | 0
  h3 = (h3 + h1) | 0
  h4 = (h4 + h1) | 0
  words[0] = h1
  words[1] = h2
  words[2] = h3
  words[3] = h4
  return words
}

const C1 = 0x239b961b
const C2 = 0xab0e9789
const C3 = 0x38b34ae5
const C4 = 0xa1e38b93

/** The little-endian word at `at`. */
function wordAt(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)
}

/** Up to four little-endian bytes from `at`, none past `end`. */
function tailWord(bytes: Uint8Array, at: number, end: number): number {
  let word = 0
  for (let i = Math.min(at + 4, end) - 1; i >= at; i--) word = (word << 8) | bytes[i]
  return word
}

/** A block word's mixing: k * c1, rotated by r, * c2. */
function scramble(k: number, c1: number, r: number, c2: number): number {
  return Math.imul(rotl(Math.imul(k, c1), r), c2)
}

/** A lane's update after taking its word: rotated by r, plus the next lane, * 5 + n. */
function mixLane(h: number, r: number, next: number, n: number): number {
  return (Math.imul(rotl(h, r) + next, 5) + n) | 0
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r))
}

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
