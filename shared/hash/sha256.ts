/**
 * SHA-256, synchronous and dependency-free, so the pure core can key batches by content
 * and pseudonymize actors the same way in the browser, the main process and the CLI.
 */
import { hexWords } from './hexWords'

// Int32 arrays: V8 keeps their values in integer registers, where Uint32 values above 2^31
// become doubles (25% slower hashing).
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** What content hashing needs of a SHA-256: the pure one below, or a platform's native one. */
export interface Sha256Digest {
  update(data: Uint8Array | string): Sha256Digest
  digestHex(): string
}

/** Incremental SHA-256 over byte chunks. */
export class Sha256 implements Sha256Digest {
  private readonly state = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ])
  private readonly block = new Uint8Array(64)
  private readonly words = new Int32Array(64)
  private blockLength = 0
  private totalLength = 0

  update(data: Uint8Array | string): this {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
    this.totalLength += bytes.length
    let offset = 0
    while (offset < bytes.length) {
      // Whole blocks straight from the input: a view per 64 bytes made hashing megabytes slow.
      if (this.blockLength === 0 && bytes.length - offset >= 64) {
        this.compress(bytes, offset)
        offset += 64
        continue
      }
      const take = Math.min(64 - this.blockLength, bytes.length - offset)
      this.block.set(bytes.subarray(offset, offset + take), this.blockLength)
      this.blockLength += take
      offset += take
      if (this.blockLength === 64) {
        this.compress(this.block, 0)
        this.blockLength = 0
      }
    }
    return this
  }

  digestHex(): string {
    const bitLength = this.totalLength * 8
    this.block[this.blockLength++] = 0x80
    if (this.blockLength > 56) {
      this.block.fill(0, this.blockLength)
      this.compress(this.block, 0)
      this.blockLength = 0
    }
    this.block.fill(0, this.blockLength)
    const view = new DataView(this.block.buffer)
    view.setUint32(56, Math.floor(bitLength / 2 ** 32))
    view.setUint32(60, bitLength >>> 0)
    this.compress(this.block, 0)
    return hexWords(this.state)
  }

  private compress(b: Uint8Array, offset: number): void {
    const w = this.words
    for (let i = 0; i < 16; i++) {
      const at = offset + i * 4
      w[i] = (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]
    }
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
    }
    const s = this.state
    // Plain reads: destructuring a typed array goes through its iterator on every block.
    let a = s[0], bb = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7]
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = bb
      bb = a
      a = (t1 + t2) | 0
    }
    s[0] += a; s[1] += bb; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h
  }
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n))
}

let createDigest: () => Sha256Digest = () => new Sha256()

/**
 * A platform with a native SHA-256 (Node's crypto) installs it here: the digests are the
 * same, far faster (a million-row export's batch is hundreds of megabytes to hash).
 */
export function useNativeSha256(create: () => Sha256Digest): void {
  createDigest = create
}

/** A new incremental SHA-256: the platform's native one when installed, else the pure one. */
export function createSha256(): Sha256Digest {
  return createDigest()
}

export function sha256Hex(data: Uint8Array | string): string {
  return createSha256().update(data).digestHex()
}
