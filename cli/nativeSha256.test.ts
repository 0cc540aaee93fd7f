import { expect, test } from 'vitest'
import { createSha256, Sha256, useNativeSha256 } from '../shared/hash/sha256'
import { nodeSha256 } from './nativeSha256'

test('a native SHA-256, once installed, is what content hashes use, with the same digests', () => {
  const bytes = new TextEncoder().encode('a batch payload')
  const pure = new Sha256().update('charges\n').update(bytes).digestHex()
  useNativeSha256(nodeSha256)
  try {
    expect(createSha256()).not.toBeInstanceOf(Sha256)
    expect(createSha256().update('charges\n').update(bytes).digestHex()).toBe(pure)
  } finally {
    useNativeSha256(() => new Sha256())
  }
})
