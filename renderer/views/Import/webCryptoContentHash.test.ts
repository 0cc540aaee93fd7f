import fc from 'fast-check'
import { expect, test } from 'vitest'
import { batchContentHash } from '../../../shared/batches/batchPayload'
import { concatBytes } from '../../../shared/bytes/concatBytes'
import { webCryptoContentHash } from './webCryptoContentHash'

const contentOf = (kind: string, payload: Uint8Array) => concatBytes([new TextEncoder().encode(`${kind}\n`), payload])

test('WebCrypto gives a batch the id the pure SHA-256 gives it, whatever its kind and payload (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('charges', 'runs', 'outcomes', 'é'), fc.uint8Array({ maxLength: 300 }), async (kind, payload) => {
      expect(await webCryptoContentHash(contentOf(kind, payload))).toBe(batchContentHash(kind, payload))
    }),
  )
  const big = new Uint8Array(3_000_000).map((_, index) => index * 31)
  expect(await webCryptoContentHash(contentOf('charges', big.subarray(7)))).toBe(batchContentHash('charges', big.subarray(7)))
})
