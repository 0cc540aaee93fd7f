import fc from 'fast-check'
import { afterEach, expect, test } from 'vitest'
import { createBatch, createBatchAsync } from '../../../shared/batches/batch'
import { batchContentHash, installAsyncContentHash } from '../../../shared/batches/batchPayload'
import { makeCharge } from '../../../test/support/analysisFixtures'
import { concatBytes } from '../../../shared/bytes/concatBytes'
import { contentHashOnWorker, serveContentHashes, webCryptoContentHash } from './webCryptoContentHash'

const contentOf = (kind: string, payload: Uint8Array) => concatBytes([new TextEncoder().encode(`${kind}\n`), payload])

const channels: MessageChannel[] = []
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close()
    port2.close()
  }
})

/** A hash worker's side on one end of a channel (messages cloned and buffers moved as between threads), the import worker's hash on the other, once the worker said it serves. */
async function hashOverChannel() {
  const channel = new MessageChannel()
  channels.push(channel)
  const hash = contentHashOnWorker(channel.port1)
  const ready = new Promise((resolve) => channel.port1.addEventListener('message', resolve, { once: true }))
  serveContentHashes(channel.port2)
  await ready
  return hash
}

test('WebCrypto gives a batch the id the pure SHA-256 gives it, whatever its kind and payload (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('charges', 'runs', 'outcomes', 'é'), fc.uint8Array({ maxLength: 300 }), async (kind, payload) => {
      expect((await webCryptoContentHash(contentOf(kind, payload))).id).toBe(batchContentHash(kind, payload))
    }),
  )
  const big = new Uint8Array(3_000_000).map((_, index) => index * 31)
  expect((await webCryptoContentHash(contentOf('charges', big.subarray(7)))).id).toBe(batchContentHash('charges', big.subarray(7)))
})

test('on a worker of its own, the content moves there and back: the same id, the same bytes, the given view detached (property)', async () => {
  const hash = await hashOverChannel()
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.nat(16), async (payload, offset) => {
      // A view that starts inside its buffer, as a payload after its kind's line does.
      const content = new Uint8Array(offset + 8 + payload.length + 5).fill(9)
      content.set(contentOf('charges', payload), offset)
      const view = content.subarray(offset, offset + 8 + payload.length)
      const hashed = await hash(view)
      expect(hashed.id).toBe(batchContentHash('charges', payload))
      expect(hashed.content).toEqual(contentOf('charges', payload))
      expect(view.byteLength).toBe(0)
    }),
  )
})

test('a batch hashed on a worker is the batch hashed here: its id, payload and summary', async () => {
  const records = Array.from({ length: 50 }, (_, i) => makeCharge({ identity: `row-${i}`, provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: `${i}.25` }))
  const input = () => ({
    kind: 'charges' as const,
    format: 'test-billing',
    records,
    fileNames: ['costs.csv'],
    totals: {},
    from: null,
    to: null,
    skipped: [],
    warnings: [],
    importedAt: '2026-10-02T00:00:00.000Z',
  })
  installAsyncContentHash(await hashOverChannel())
  const onWorker = await createBatchAsync(input())
  const here = createBatch(input())
  expect(onWorker.meta).toEqual(here.meta)
  expect(onWorker.payload).toEqual(here.payload)
  expect(onWorker.summary).toEqual(here.summary)
})

test('a worker that has not said it serves, or has stopped, leaves the content here: hashed on this thread, never lost', async () => {
  const silent = new MessageChannel()
  channels.push(silent)
  const stopping = new EventTarget()
  const hash = contentHashOnWorker(silent.port1, stopping as unknown as Worker)
  const content = contentOf('charges', new Uint8Array([1, 2, 3]))
  const hashed = await hash(content)
  expect(hashed.id).toBe(batchContentHash('charges', new Uint8Array([1, 2, 3])))
  expect(content.byteLength).toBe(8 + 3)

  const { port1, port2 } = new MessageChannel()
  channels.push({ port1, port2 } as MessageChannel)
  const worker = new EventTarget()
  const served = contentHashOnWorker(port1, worker as unknown as Worker)
  const ready = new Promise((resolve) => port1.addEventListener('message', resolve, { once: true }))
  serveContentHashes(port2)
  await ready
  worker.dispatchEvent(new Event('error'))
  const after = contentOf('runs', new Uint8Array([4]))
  expect((await served(after)).id).toBe(batchContentHash('runs', new Uint8Array([4])))
  expect(after.byteLength).toBe(5 + 1)
})
