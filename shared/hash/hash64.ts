import { hexWords } from './hexWords'

/**
 * A fast 64-bit non-cryptographic string hash (cyrb53's two lanes, both kept), as 16 hex
 * characters. For identities that must be short and collide practically never, but are not
 * secrets: hashing 100k request ids with SHA-256 in JavaScript costs more than parsing them.
 */
export function hash64Hex(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return hexWords([h2, h1])
}
