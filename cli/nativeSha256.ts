import { createHash } from 'node:crypto'
import type { Sha256Digest } from '../shared/hash/sha256'

/** Node's SHA-256 (OpenSSL) in the shape the pure core hashes with (see useNativeSha256). */
export function nodeSha256(): Sha256Digest {
  const hash = createHash('sha256')
  const digest: Sha256Digest = {
    update(data) {
      hash.update(data)
      return digest
    },
    digestHex: () => hash.digest('hex'),
  }
  return digest
}
