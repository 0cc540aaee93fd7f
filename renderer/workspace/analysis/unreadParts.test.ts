import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { makeCharge } from '../../../test/support/analysisFixtures'
import { importedChargeBatch } from '../../../test/support/chargeBatchFixture'
import { Ledger } from '../../../shared/workspace/ledger'
import { PAYLOAD_PARTS_MAP, payloadPartKey, PayloadPartsUnread } from '../../../shared/workspace/payloadParts'
import { openExistingDatabase, StoredDoc } from '../storedDoc'
import { StoreMirror } from './storeMirror'
import { UnreadParts } from './unreadParts'

const opened: StoredDoc[] = []
afterEach(async () => {
  for (const stored of opened.splice(0)) await stored.destroy()
})

/** A window's ledger in (fake) IndexedDB holding a batch added in four parts given to its store as made, as an import adds it. */
async function windowWithBatchInParts(name: string) {
  const stored = await StoredDoc.open(name, new Y.Doc())
  opened.push(stored)
  await stored.load()
  const ledger = new Ledger(stored.doc)
  const charges = Array.from({ length: 40 }, (_, i) => makeCharge({ identity: `row-${i}`, provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: String(i + 1) }))
  const batch = importedChargeBatch(charges)
  expect(await ledger.addInParts(batch, Math.ceil(batch.payload.length / 4), async () => {}, stored)).toBe('added')
  await stored.flush()
  return { stored, ledger, batch }
}

/** The analysis worker's copy of that ledger, standing in for the parts. */
async function mirrorOf(name: string) {
  const doc = new Y.Doc()
  const unread = new UnreadParts()
  const mirror = new StoreMirror(name, doc, unread)
  await mirror.catchUp()
  return { doc, mirror, ledger: new Ledger(doc, unread) }
}

test("a mirror lists a batch added in parts without reading the parts, and reads them when the batch's rows are", async () => {
  const { ledger, batch } = await windowWithBatchInParts('unread-parts')
  const copy = await mirrorOf('unread-parts')
  // Stand-ins with no bytes hold the parts' places; the listing, made after them, applied.
  expect(copy.doc.getMap<Uint8Array>(PAYLOAD_PARTS_MAP).get(payloadPartKey(batch.meta.id, 0))).toEqual(new Uint8Array(0))
  expect(copy.ledger.list().records).toEqual(ledger.list().records)
  expect(copy.ledger.summaryOf(batch.meta)).toEqual(ledger.summaryOf(batch.meta))
  expect(() => copy.ledger.batchRecords(batch.meta.id)).toThrow(PayloadPartsUnread)
  await copy.mirror.readParts()
  expect(copy.ledger.batchRecords(batch.meta.id)).toEqual(ledger.batchRecords(batch.meta.id))
  expect(copy.ledger.charges()).toEqual(ledger.charges())
})

test('parts stood in for are read from the whole state once a compaction has replaced their updates', async () => {
  const { stored, ledger } = await windowWithBatchInParts('unread-parts-compacted')
  const copy = await mirrorOf('unread-parts-compacted')
  const edits = stored.doc.getMap<number>('edits')
  for (let index = 0; index < 510; index++) edits.set(`k${index}`, index)
  await new Promise((resolve) => setTimeout(resolve, 1200))
  await stored.flush()
  await copy.mirror.catchUp()
  expect(() => copy.ledger.charges()).toThrow(PayloadPartsUnread)
  await copy.mirror.readParts()
  expect(copy.ledger.charges()).toEqual(ledger.charges())
})

test('a part removed from the store before it was read leaves its batch unreadable, as a missing part does', async () => {
  const { batch } = await windowWithBatchInParts('unread-parts-gone')
  const copy = await mirrorOf('unread-parts-gone')
  const db = await openExistingDatabase('unread-parts-gone')
  const clearing = db.transaction('updates', 'readwrite')
  clearing.objectStore('updates').clear()
  await new Promise((resolve) => (clearing.oncomplete = resolve))
  db.close()
  await copy.mirror.readParts()
  expect(copy.ledger.batchRecords(batch.meta.id)).toEqual([])
  expect(copy.ledger.charges().problems).toEqual([{ collection: 'batches', id: batch.meta.id, message: 'payload unreadable: part 1 of 4 is missing' }])
})
