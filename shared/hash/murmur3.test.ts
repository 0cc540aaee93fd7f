import fc from 'fast-check'
import { expect, test } from 'vitest'
import { murmur3x86_128Hex, murmur3x86_128HexOfBytes } from './murmur3'

/** The reference algorithm as Appleby wrote it, lane by lane: the oracle for the unrolled one. */
function referenceMurmur3x86_128(bytes: Uint8Array): string {
  const c = [0x239b961b, 0xab0e9789, 0x38b34ae5, 0xa1e38b93]
  const rotations = [15, 16, 17, 18]
  const mix = [
    [19, 0x561ccd1b],
    [17, 0x0bcaa747],
    [15, 0x96cd1c35],
    [13, 0x32ac3b17],
  ]
  const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r))
  const mixK = (k: number, lane: number) => Math.imul(rotl(Math.imul(k, c[lane]), rotations[lane]), c[(lane + 1) % 4])
  const word = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)
  const h = [0, 0, 0, 0]
  const blocks = Math.floor(bytes.length / 16)
  for (let block = 0; block < blocks; block++) {
    for (let lane = 0; lane < 4; lane++) {
      h[lane] ^= mixK(word(block * 16 + lane * 4), lane)
      h[lane] = (Math.imul(rotl(h[lane], mix[lane][0]) + h[(lane + 1) % 4], 5) + mix[lane][1]) | 0
    }
  }
  const tail = bytes.subarray(blocks * 16)
  for (let lane = 3; lane >= 0; lane--) {
    if (tail.length <= lane * 4) continue
    let k = 0
    for (let i = Math.min(tail.length, lane * 4 + 4) - 1; i >= lane * 4; i--) k ^= tail[i] << (8 * (i - lane * 4))
    h[lane] ^= mixK(k, lane)
  }
  const fmix = (x: number) => {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
    return x ^ (x >>> 16)
  }
  const combine = () => {
    h[0] = (h[0] + h[1] + h[2] + h[3]) | 0
    for (let lane = 1; lane < 4; lane++) h[lane] = (h[lane] + h[0]) | 0
  }
  for (let lane = 0; lane < 4; lane++) h[lane] ^= bytes.length
  combine()
  for (let lane = 0; lane < 4; lane++) h[lane] = fmix(h[lane])
  combine()
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
}

const utf8 = (text: string) => new TextEncoder().encode(text)

test('matches published MurmurHash3 x86_128 vectors', () => {
  expect(murmur3x86_128Hex('')).toBe('00000000000000000000000000000000')
  expect(murmur3x86_128Hex('0')).toBe('0ab2409ea5eb34f8a5eb34f8a5eb34f8')
  expect(murmur3x86_128Hex('The quick brown fox jumps over the lazy dog')).toBe('2f1583c3ecee2c675d7bf66ce5e91d2c')
  expect(murmur3x86_128Hex('MurmurHash3 was written by Austin Appleby, and is placed in the public')).toBe('6d3583489d9d1e5a898493af67e2ad10')
})

test('hashes bytes of every length exactly as the reference, and text as its UTF-8 (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      expect(murmur3x86_128HexOfBytes(bytes)).toBe(referenceMurmur3x86_128(bytes))
    }),
    { numRuns: 1000 },
  )
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
      expect(murmur3x86_128Hex(text)).toBe(referenceMurmur3x86_128(utf8(text)))
    }),
  )
})
