import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBatch } from '../batches/batch'
import type { Charge } from '../records/charge'
import { storedIdentity } from '../records/chargeIdentity'
import type { Run } from '../records/run'
import { emptyTokenCounts } from '../records/tokenCounts'
import { type DocumentStore, Ledger } from './ledger'
import { decodeWorkspaceFile, encodeWorkspaceFile } from './workspaceFile'

const NOW = '2026-11-29T10:00:00.000Z'

function charge(identity: string, cost: string, line: number): Charge {
  return {
    identity, format: 'anthropic-console-cost', provider: 'anthropic', start: '2026-08-05T00:00:00.000Z', end: null,
    granularity: 'day', model: 'Claude Sonnet 4.6', service: null, account: null, workspace: 'Default', project: null,
    apiKey: 'ci-key', costCenter: null, user: null, tokenType: 'output', tokens: null, quantity: null, cost,
    currency: 'USD', costKind: 'billed', chargeType: 'usage', tags: {}, source: { file: 'cost.csv', line },
  }
}

function run(id: string, requests: number): Run {
  return {
    id, tool: 'claude-code', provider: 'anthropic', repo: 'workfolio', branch: 'main', start: NOW, end: NOW,
    models: ['claude-sonnet-4-6'], tokens: emptyTokenCounts(), costUSD: '1.5', costByMonth: { '2026-11': '1.5' },
    byModel: [], unpricedModels: [], steps: ['read', 'edit', 'test'], actor: null, requests,
  }
}

function chargeBatch(charges: Charge[], importedAt = NOW) {
  return createBatch({
    kind: 'charges', format: 'anthropic-console-cost', fileNames: ['cost.csv'], records: charges,
    totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt,
  })
}

describe('ledger document', () => {
  test('a batch round-trips with its binary payload, and the same content is one batch', () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1.25', 2), charge('b', '-0.50', 3)])
    expect(ledger.add(batch)).toBe('added')
    // Same records (imported later, by someone else) → same content hash → one batch.
    const again = chargeBatch([charge('a', '1.25', 2), charge('b', '-0.50', 3)], '2026-12-01T00:00:00.000Z')
    expect(ledger.add(again)).toBe('duplicate')
    expect(again.meta.id).toBe(batch.meta.id)

    const replica = new Ledger(new Y.Doc())
    Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(ledger.doc))
    expect(replica.add(again)).toBe('duplicate')
    expect(replica.list().records).toEqual([batch.meta])
    expect(replica.charges().records.map((c) => c.cost)).toEqual(['1.25', '-0.50'])
  })

  test('one batch\'s meta is read by its id, without its payload; an unknown or invalid entry is none', () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1.25', 2)])
    ledger.add(batch)
    expect(ledger.meta(batch.meta.id)).toEqual(batch.meta)
    expect(ledger.meta('no-such-batch')).toBeNull()
    ledger.batches.set('broken', { id: 'broken' } as never)
    expect(ledger.meta('broken')).toBeNull()
  })

  test('overlapping exports count each billing row once', () => {
    const ledger = new Ledger(new Y.Doc())
    const first = chargeBatch([charge('a', '1', 2), charge('b', '2', 3)], '2026-11-01T00:00:00.000Z')
    const second = chargeBatch([charge('b', '2', 2), charge('c', '3', 3)], '2026-11-02T00:00:00.000Z')
    ledger.add(first)
    ledger.add(second)
    expect(ledger.charges().records.map((c) => c.identity).sort()).toEqual(['a', 'b', 'c'])
  })

  test('a lone batch keeps every row when its identities are unique, and counts a repeated identity once when not (an older or peer batch)', () => {
    const unique = new Ledger(new Y.Doc())
    unique.add(chargeBatch([charge('a', '1', 2), charge('b', '2', 3), charge('c', '3', 4)]))
    expect(unique.charges().records.map((c) => [c.identity, c.cost])).toEqual([['a', '1'], ['b', '2'], ['c', '3']])

    // Written by hand: the import pipeline never repeats an identity within a batch.
    const repeated = new Ledger(new Y.Doc())
    repeated.add(chargeBatch([charge('a', '1', 2), charge('b', '2', 3), charge('a', '5', 4)]))
    expect(repeated.charges().records.map((c) => [c.identity, c.cost])).toEqual([['a', '1'], ['b', '2']])
  })

  test('a batch stored with whole natural keys overlaps the same rows stored with hashed keys', () => {
    const naturalKey = `2026-08-05T00:00:00.000Z${'\u001fClaude Sonnet 4.6\u001fDefault'.repeat(3)}`
    const ledger = new Ledger(new Y.Doc())
    const before = chargeBatch([charge(naturalKey, '1', 2)], '2026-11-01T00:00:00.000Z')
    const now = chargeBatch([charge(storedIdentity(naturalKey), '1', 2), charge('c', '3', 3)], '2026-11-02T00:00:00.000Z')
    ledger.add(before)
    ledger.add(now)
    expect(ledger.charges().records.map((c) => c.cost).sort()).toEqual(['1', '3'])
  })

  test('a batch is added on the identities its import computed, not decoded again; reading it checks it', () => {
    const ledger = new Ledger(new Y.Doc())
    ledger.add(chargeBatch([charge('a', '1', 2), charge('b', '2', 3)]))
    const unreadable = new TextEncoder().encode('{"not": "columns"')
    const copy = chargeBatch([charge('b', '2', 2), charge('a', '1', 3)])
    // Every identity held: a duplicate, told without reading the payload.
    expect(ledger.add({ ...copy, payload: unreadable, meta: { ...copy.meta, id: 'copy' } })).toBe('duplicate')
    const grown = chargeBatch([charge('a', '1', 2), charge('c', '3', 3)])
    expect(ledger.add({ ...grown, payload: unreadable, meta: { ...grown.meta, id: 'grown' } })).toBe('added')
    // The damage shows where every stored batch is read: record by record, named.
    const { records, problems } = ledger.charges()
    expect(records.map((c) => c.identity)).toEqual(['a', 'b'])
    expect(problems).toEqual([expect.objectContaining({ collection: 'batches', id: 'grown', message: expect.stringContaining('payload unreadable') })])
  })

  test('a batch that arrives from another device through sync is decoded and checked when read', () => {
    const device = new Ledger(new Y.Doc())
    const damaged = chargeBatch([charge('a', '1', 2), charge('b', 'NaN', 3)])
    device.add(damaged)
    const replica = new Ledger(new Y.Doc())
    Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(device.doc))
    const { records, problems } = replica.charges()
    expect(records.map((c) => c.identity)).toEqual(['a'])
    expect(problems).toEqual([expect.objectContaining({ collection: 'batches', id: `${damaged.meta.id}#1` })])
    // Only its valid rows count as held: a file that adds the bad row's charge is not a duplicate.
    expect(replica.add(chargeBatch([charge('a', '1', 5)]))).toBe('duplicate')
    expect(replica.add(chargeBatch([charge('a', '1', 5), charge('b', '2', 6)]))).toBe('added')
  })

  test('a session imported again after it grew keeps the fuller copy', () => {
    const ledger = new Ledger(new Y.Doc())
    for (const [requests, at] of [[3, '2026-11-01T00:00:00.000Z'], [7, '2026-11-02T00:00:00.000Z']] as const) {
      const batch = createBatch({ kind: 'runs', format: 'claude-code', fileNames: ['s.jsonl'], records: [run('s1', requests)], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: at })
      ledger.add(batch)
    }
    expect(ledger.runs().records.map((r) => [r.id, r.requests])).toEqual([['s1', 7]])
    expect(ledger.projectedRuns(['tool'], (runs) => runs.map((r) => `${r.id}:${r.requests}`)).records).toEqual(['s1:7'])
  })

  test('runs projected from some fields carry only those, are validated whole, and leave later reads whole', () => {
    const ledger = new Ledger(new Y.Doc())
    const good = createBatch({ kind: 'runs', format: 'claude-code', fileNames: ['a.jsonl'], records: [run('s1', 3), run('s2', 4)], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: NOW })
    const bad = createBatch({ kind: 'runs', format: 'claude-code', fileNames: ['b.jsonl'], records: [run('s3', 1), { ...run('s4', 1), start: 'yesterday' }], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-11-30T00:00:00.000Z' })
    // Added through the document, as a peer's batch arrives: add() would decode them first.
    for (const batch of [good, bad]) ledger.batches.set(batch.meta.id, { ...batch.meta, payload: batch.payload })
    const some = ledger.projectedRuns(['steps'], (runs) => runs)
    expect(some.records.filter((r) => r.batchId === good.meta.id)).toEqual([
      { id: 's1', requests: 3, steps: ['read', 'edit', 'test'], batchId: good.meta.id },
      { id: 's2', requests: 4, steps: ['read', 'edit', 'test'], batchId: good.meta.id },
    ])
    // The damaged batch is checked record by record, as a whole read checks it.
    expect(some.records.filter((r) => r.batchId === bad.meta.id).map((r) => r.id)).toEqual(['s3'])
    expect(some.problems).toEqual(ledger.runs().problems)
    expect(some.problems).toEqual([expect.objectContaining({ id: `${bad.meta.id}#1` })])
    expect(ledger.runs().records.find((r) => r.id === 's1')).toEqual({ ...run('s1', 3), batchId: good.meta.id })
  })

  test('a corrupt record inside a batch is reported, the rest are read', () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1', 2), { ...charge('b', 'NaN', 3) }])
    ledger.add(batch)
    const { records, problems } = ledger.charges()
    expect(records.map((c) => c.identity)).toEqual(['a'])
    expect(problems).toEqual([expect.objectContaining({ collection: 'batches', id: `${batch.meta.id}#1` })])
  })

  test('removing a batch removes its records', () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1', 2)])
    ledger.add(batch)
    ledger.remove(batch.meta.id)
    expect(ledger.charges().records).toEqual([])
  })

  test('a batch added in parts is listed only with its last part, reads as one, reaches a replica and is removed with its parts', async () => {
    const ledger = new Ledger(new Y.Doc())
    const charges = Array.from({ length: 40 }, (_, i) => charge(`id-${i}`, `${i}.25`, i + 2))
    const batch = chargeBatch(charges)
    const updates: Uint8Array[] = []
    ledger.doc.on('update', (update: Uint8Array) => updates.push(update))
    const listedAtPause: number[] = []
    const partBytes = Math.ceil(batch.payload.length / 5)
    const added = await ledger.addInParts(batch, partBytes, async () => void listedAtPause.push(ledger.list().records.length))
    expect(added).toBe('added')
    expect(listedAtPause).toEqual([0, 0, 0, 0, 0, 0])
    // One update a part, then the batch's: none holds the whole payload.
    expect(updates).toHaveLength(6)
    expect(Math.max(...updates.map((update) => update.length))).toBeLessThan(batch.payload.length / 2)
    expect(ledger.list().records).toEqual([batch.meta])
    expect(ledger.charges().records.map((c) => c.cost)).toEqual(charges.map((c) => c.cost))

    const replica = new Ledger(new Y.Doc())
    for (const update of updates) Y.applyUpdate(replica.doc, update)
    expect(replica.charges().records.map((c) => c.identity)).toEqual(charges.map((c) => c.identity))
    expect(await replica.addInParts(batch, partBytes, async () => {})).toBe('duplicate')
    expect(replica.add(batch)).toBe('duplicate')

    ledger.remove(batch.meta.id)
    expect(ledger.charges().records).toEqual([])
    expect(ledger.payloadParts.size).toBe(0)
  })

  test("given the document's store, a part under a fresh key goes to it with its update made by hand, byte for byte what the document would encode; a key used before is set as ever", async () => {
    const ledger = new Ledger(new Y.Doc())
    const charges = Array.from({ length: 40 }, (_, i) => charge(`id-${i}`, `${i}.25`, i + 2))
    const batch = chargeBatch(charges)
    const encoded: Uint8Array[] = []
    ledger.doc.on('update', (update: Uint8Array) => encoded.push(update))
    const given: Uint8Array[] = []
    const store: DocumentStore = {
      storeAsMade(update, change) {
        given.push(update)
        change()
      },
    }
    const partBytes = Math.ceil(batch.payload.length / 5)
    expect(await ledger.addInParts(batch, partBytes, async () => {}, store)).toBe('added')
    // Five parts given to the store, each the update the document encoded for it, then the batch's listing.
    expect(given).toHaveLength(5)
    expect(encoded.slice(0, 5)).toEqual(given)
    expect(encoded).toHaveLength(6)
    expect(ledger.charges().records.map((c) => c.cost)).toEqual(charges.map((c) => c.cost))

    // Removed and added again: its keys were used, so the document sets and encodes its parts itself.
    ledger.remove(batch.meta.id)
    given.length = 0
    expect(await ledger.addInParts(batch, partBytes, async () => {}, store)).toBe('added')
    expect(given).toEqual([])
    const replica = new Ledger(new Y.Doc())
    for (const update of encoded) Y.applyUpdate(replica.doc, update)
    expect(replica.charges().records.map((c) => c.identity)).toEqual(charges.map((c) => c.identity))
  })

  test('a batch in parts that a peer stored whole meanwhile is a duplicate, and leaves no parts behind', async () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch(Array.from({ length: 20 }, (_, i) => charge(`id-${i}`, '1', i + 2)))
    const peer = new Ledger(new Y.Doc())
    peer.add(batch)
    let pauses = 0
    const added = await ledger.addInParts(batch, Math.ceil(batch.payload.length / 3), async () => {
      if (++pauses === 2) Y.applyUpdate(ledger.doc, Y.encodeStateAsUpdate(peer.doc))
    })
    expect(added).toBe('duplicate')
    expect(ledger.payloadParts.size).toBe(0)
    expect(ledger.charges().records.map((c) => c.identity)).toEqual(Array.from({ length: 20 }, (_, i) => `id-${i}`))
  })

  test('a small batch added in parts is stored whole, as before', async () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1', 2)])
    expect(await ledger.addInParts(batch, batch.payload.length, async () => {})).toBe('added')
    expect(ledger.payloadParts.size).toBe(0)
    expect(ledger.batches.get(batch.meta.id)?.payload).toEqual(batch.payload)
  })

  test('a batch whose part is missing is reported unreadable, not read short', async () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch(Array.from({ length: 10 }, (_, i) => charge(`id-${i}`, '1', i + 2)))
    await ledger.addInParts(batch, Math.ceil(batch.payload.length / 3), async () => {})
    ledger.payloadParts.delete(`${batch.meta.id}/1`)
    const { records, problems } = ledger.charges()
    expect(records).toEqual([])
    expect(problems).toEqual([{ collection: 'batches', id: batch.meta.id, message: 'payload unreadable: part 2 of 3 is missing' }])
  })

  test('a workspace file holds both documents and refuses anything else', () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch([charge('a', '1', 2)])
    ledger.add(batch)
    const governance = new Y.Doc()
    governance.getMap('settings').set('currency', 'EUR')
    const bytes = encodeWorkspaceFile({ governance, ledger: ledger.doc })
    const decoded = decodeWorkspaceFile(bytes)
    expect(decoded.governance.getMap('settings').get('currency')).toBe('EUR')
    expect(new Ledger(decoded.ledger).charges().records).toHaveLength(1)
    expect(() => decodeWorkspaceFile(new TextEncoder().encode('hello'))).toThrow(/not a Workfolio workspace/)
    expect(() => decodeWorkspaceFile(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/)
  })
})
