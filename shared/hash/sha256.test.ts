import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { Sha256, sha256Hex } from './sha256'

test('matches known SHA-256 vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

test('agrees with Node crypto on random input split into random chunks (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 130 }), (bytes, chunk) => {
      const hash = new Sha256()
      for (let i = 0; i < bytes.length; i += chunk) hash.update(bytes.subarray(i, i + chunk))
      expect(hash.digestHex()).toBe(createHash('sha256').update(bytes).digest('hex'))
    }),
  )
})
