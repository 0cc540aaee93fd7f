import { hexOfWordPair } from './hexWords'

const pair = new Uint32Array(2)

/**
 * A fast 64-bit non-cryptographic string hash (cyrb53's two lanes, both kept), as 16 hex
 * characters. For identities that must be short and collide practically never, but are not
 * secrets: hashing 100k request ids with SHA-256 in JavaScript costs more than parsing them.
 */
export function hash64Hex(text: string): string {
  hash64Words(text, pair, 0)
  return hexOfWordPair(pair[0], pair[1])
}

/**
 * hash64Hex as its two 32-bit words (the first eight hex digits, then the last eight), written
 * into `words` at `at` and `at + 1`: ids kept in typed arrays need no hex made and read back.
 */
export function hash64Words(text: string, words: Uint32Array, at: number): void {
  lane1 = SEED_1
  lane2 = SEED_2
  absorb(text)
  finish(words, at)
}

/**
 * hash64Words of `first + separator + second`, without making that string: a request key is
 * two ids joined, hashed for every request of a year of transcripts.
 */
export function hash64WordsJoined(first: string, separator: string, second: string, words: Uint32Array, at: number): void {
  lane1 = SEED_1
  lane2 = SEED_2
  absorb(first)
  absorb(separator)
  absorb(second)
  finish(words, at)
}

const SEED_1 = 0xdeadbeef
const SEED_2 = 0x41c6ce57
/** The two lanes of the hash being made. */
let lane1 = SEED_1
let lane2 = SEED_2

function absorb(text: string): void {
  let h1 = lane1
  let h2 = lane2
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  lane1 = h1
  lane2 = h2
}

function finish(words: Uint32Array, at: number): void {
  const h1 = Math.imul(lane1 ^ (lane1 >>> 16), 2246822507) ^ Math.imul(lane2 ^ (lane2 >>> 13), 3266489909)
  const h2 = Math.imul(lane2 ^ (lane2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  words[at] = h2
  words[at + 1] = h1
}
