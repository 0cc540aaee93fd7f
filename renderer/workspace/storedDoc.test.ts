import { IndexeddbPersistence } from 'y-indexeddb'
import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { PAYLOAD_PARTS_MAP, payloadPartKey, payloadPartUpdate } from '../../shared/workspace/payloadParts'
import { StoredDoc, keyRanges, openExistingDatabase, readStoreSince, storedStateOf } from './storedDoc'

// Updates applied to a document, counted: what tells an update applied twice (which changes nothing).
const applied = vi.hoisted(() => ({ count: 0 }))
vi.mock('yjs', async (importOriginal) => {
  const yjs = await importOriginal<typeof import('yjs')>()
  return {
    ...yjs,
    applyUpdate: (...args: Parameters<typeof yjs.applyUpdate>) => {
      applied.count++
      yjs.applyUpdate(...args)
    },
  }
})

const opened: StoredDoc[] = []
afterEach(async () => {
  for (const stored of opened.splice(0)) await stored.destroy()
})

async function open(name: string, doc = new Y.Doc()): Promise<StoredDoc> {
  const stored = await StoredDoc.open(name, doc)
  opened.push(stored)
  return stored
}

async function stateOf(name: string): Promise<string | null> {
  const db = await openExistingDatabase(name)
  try {
    return await storedStateOf(db)
  } finally {
    db.close()
  }
}

test('what a document stores loads back into another, a few updates per task', async () => {
  const first = await open('stored-roundtrip')
  const parts = first.doc.getMap<Uint8Array>('parts')
  for (let index = 0; index < 12; index++) parts.set(`part-${index}`, new Uint8Array(1000).fill(index))
  await first.flush()

  const reader = new Y.Doc()
  const transactions: number[] = []
  reader.on('afterTransaction', () => transactions.push(reader.getMap('parts').size))
  await (await open('stored-roundtrip', reader)).load(2500)
  expect([...reader.getMap<Uint8Array>('parts').entries()].map(([key, bytes]) => [key, bytes[0]])).toEqual([...parts.entries()].map(([key, bytes]) => [key, bytes[0]]))
  // Two 1 kB updates per 2.5 kB task, the first read's four too.
  expect(Math.max(...transactions.map((size, index) => size - (transactions[index - 1] ?? 0)))).toBe(2)
  expect(transactions.length).toBe(6)
})

test('a workspace stored by y-indexeddb opens as it was, and what is stored now y-indexeddb reads', async () => {
  const old = new Y.Doc()
  const persistence = new IndexeddbPersistence('stored-compatible', old)
  await persistence.whenSynced
  old.getMap('portfolios').set('p1', { name: 'Incident triage' })
  await new Promise((resolve) => setTimeout(resolve, 50))
  await persistence.destroy()

  const now = await open('stored-compatible')
  await now.load()
  expect(now.doc.getMap('portfolios').get('p1')).toEqual({ name: 'Incident triage' })
  now.doc.getMap('portfolios').set('p2', { name: 'Web work' })
  await now.flush()

  const again = new Y.Doc()
  const reader = new IndexeddbPersistence('stored-compatible', again)
  await reader.whenSynced
  expect(again.getMap('portfolios').toJSON()).toEqual({ p1: { name: 'Incident triage' }, p2: { name: 'Web work' } })
  await reader.destroy()
})

test('the stored state changes with every stored update and only then, and differs between two databases', async () => {
  const stored = await open('stored-state')
  const before = await stateOf('stored-state')
  expect(before).not.toBeNull()
  expect(await stateOf('stored-state')).toBe(before)
  stored.doc.getMap('m').set('a', 1)
  await stored.flush()
  const after = await stateOf('stored-state')
  expect(after).not.toBe(before)
  // The window tells it over its own connection, as another connection does.
  expect(await stored.storedState()).toBe(after)
  // Loading what is stored stores nothing.
  const reopened = await open('stored-state')
  await reopened.load()
  expect(await stateOf('stored-state')).toBe(after)

  const other = await open('stored-state-other')
  other.doc.getMap('m').set('a', 1)
  await other.flush()
  // The same keys in another database (or one deleted and created again): another incarnation.
  expect((await stateOf('stored-state-other'))?.split(' ')[1]).toBe(after?.split(' ')[1])
  expect(await stateOf('stored-state-other')).not.toBe(after)
})

test('past 500 stored updates the whole state replaces them, with nothing lost', async () => {
  const stored = await open('stored-compaction')
  await stored.load()
  const map = stored.doc.getMap<number>('m')
  for (let index = 0; index < 510; index++) map.set(`k${index}`, index)
  await new Promise((resolve) => setTimeout(resolve, 1200))
  await stored.flush()
  const db = await openExistingDatabase('stored-compaction')
  const { keys } = await readStoreSince(db, 0)
  db.close()
  expect(keys.length).toBeLessThan(10)
  const reader = await open('stored-compaction', new Y.Doc())
  await reader.load()
  expect(reader.doc.getMap('m').size).toBe(510)
})

test("compaction applies the updates another window stored meanwhile, and not this window's own again", async () => {
  const stored = await open('stored-compaction-others')
  await stored.load()
  const other = await open('stored-compaction-others')
  other.doc.getMap<number>('m').set('from-other', 1)
  await other.flush()
  applied.count = 0
  const reads = { one: vi.spyOn(IDBObjectStore.prototype, 'get'), all: vi.spyOn(IDBObjectStore.prototype, 'getAll') }
  const map = stored.doc.getMap<number>('m')
  for (let index = 0; index < 510; index++) map.set(`k${index}`, index)
  await new Promise((resolve) => setTimeout(resolve, 1200))
  await stored.flush()
  // The other window's update, and none of the 510 this window stored: neither applied again nor read.
  expect(applied.count).toBe(1)
  expect(reads.one).toHaveBeenCalledTimes(1)
  expect(reads.all).not.toHaveBeenCalled()
  reads.one.mockRestore()
  reads.all.mockRestore()
  expect(map.get('from-other')).toBe(1)
  const reader = await open('stored-compaction-others', new Y.Doc())
  await reader.load()
  expect(reader.doc.getMap('m').size).toBe(511)
})

test('a change whose update is made by hand is stored as that update, once; neither it nor what loads is encoded by the document', async () => {
  const stored = await open('stored-given')
  const encodedHere = vi.spyOn(stored.doc, 'emit')
  const part = new Uint8Array(3000).fill(7)
  const update = payloadPartUpdate(stored.doc.clientID, 0, 'batch', 0, part)
  stored.storeAsMade(update, () => stored.doc.getMap(PAYLOAD_PARTS_MAP).set(payloadPartKey('batch', 0), part), { client: stored.doc.clientID, clock: 0, batchId: 'batch', index: 0 })
  stored.doc.getMap<number>('m').set('after', 1)
  await stored.flush()
  // Yjs emits (and encodes) an update only for the edit made here.
  expect(encodedHere.mock.calls.filter(([name]) => name === 'update')).toHaveLength(1)
  const db = await openExistingDatabase('stored-given')
  const { values } = await readStoreSince(db, 0)
  db.close()
  expect(values).toHaveLength(2)
  expect(values[0]).toEqual(update)

  const reader = await open('stored-given', new Y.Doc())
  const encodedOnLoad = vi.spyOn(reader.doc, 'emit')
  await reader.load()
  expect(reader.doc.getMap(PAYLOAD_PARTS_MAP).get(payloadPartKey('batch', 0))).toEqual(part)
  expect(reader.doc.getMap('m').get('after')).toBe(1)
  expect(encodedOnLoad.mock.calls.filter(([name]) => name === 'update')).toEqual([])
  // The store still hears the document's own edits after loading.
  reader.doc.getMap<number>('m').set('later', 2)
  await reader.flush()
  const again = await openExistingDatabase('stored-given')
  expect((await readStoreSince(again, 0)).values).toHaveLength(3)
  again.close()
})

test('a part stored as made is noted beside it: a reader may leave it unread, and a compaction drops the note with the update', async () => {
  const stored = await open('stored-noted-parts')
  await stored.load()
  const map = stored.doc.getMap<number>('m')
  map.set('before', 1)
  const parts = stored.doc.getMap<Uint8Array>(PAYLOAD_PARTS_MAP)
  for (const index of [0, 1]) {
    const note = { client: stored.doc.clientID, clock: Y.getState(stored.doc.store, stored.doc.clientID), batchId: 'batch', index }
    const part = new Uint8Array(2000).fill(index + 1)
    stored.storeAsMade(payloadPartUpdate(note.client, note.clock, 'batch', index, part), () => parts.set(payloadPartKey('batch', index), part), note)
  }
  map.set('after', 2)
  await stored.flush()
  const db = await openExistingDatabase('stored-noted-parts')
  const whole = await readStoreSince(db, 0)
  const leaving = await readStoreSince(db, 0, true)
  const fromSecond = await readStoreSince(db, whole.keys[2], true)
  db.close()
  expect(whole.values).toHaveLength(4)
  expect(whole.parts).toEqual([])
  // The same keys and state; the two parts' updates left out, their notes given instead.
  expect(leaving.keys).toEqual(whole.keys)
  expect(leaving.state).toBe(whole.state)
  expect(leaving.values).toEqual([whole.values[0], whole.values[3]])
  expect(leaving.parts.map(({ index, updateKey, batchId }) => ({ index, updateKey, batchId }))).toEqual([
    { index: 0, updateKey: whole.keys[1], batchId: 'batch' },
    { index: 1, updateKey: whole.keys[2], batchId: 'batch' },
  ])
  expect(fromSecond.parts.map((note) => note.index)).toEqual([1])
  expect(fromSecond.values).toEqual([whole.values[3]])

  for (let index = 0; index < 510; index++) map.set(`k${index}`, index)
  await new Promise((resolve) => setTimeout(resolve, 1200))
  await stored.flush()
  const compacted = await openExistingDatabase('stored-noted-parts')
  const after = await readStoreSince(compacted, 0, true)
  compacted.close()
  expect(after.parts).toEqual([])
  expect(after.values).toHaveLength(after.keys.length)
  const reader = new Y.Doc()
  after.values.forEach((update) => Y.applyUpdate(reader, update))
  expect(reader.getMap(PAYLOAD_PARTS_MAP).get(payloadPartKey('batch', 1))).toEqual(new Uint8Array(2000).fill(2))
})

test('key ranges', () => {
  expect(keyRanges([])).toBe('')
  expect(keyRanges([1, 2, 3, 7, 8, 10])).toBe('1-3,7-8,10-10')
})
