import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { makeCharge } from '../../../test/support/analysisFixtures'
import { createBatch } from '../../../shared/batches/batch'
import { Ledger } from '../../../shared/workspace/ledger'
import { ledgerUndoManager } from './ledgerUndo'

test('undoing the removal of a batch stored in parts brings back its records, on this client and a synced one', async () => {
  const ledger = new Ledger(new Y.Doc())
  const peer = new Ledger(new Y.Doc())
  ledger.doc.on('update', (update: Uint8Array) => Y.applyUpdate(peer.doc, update))
  const charges = Array.from({ length: 30 }, (_, i) => makeCharge({ identity: `row-${i}`, cost: `${i}` }))
  const common = { fileNames: ['cost.csv'], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-12-06T00:00:00.000Z' }
  const batch = createBatch({ ...common, kind: 'charges', format: 'test-billing', records: charges })
  await ledger.addInParts(batch, Math.ceil(batch.payload.length / 4), async () => {})
  const undo = ledgerUndoManager(ledger)

  ledger.remove(batch.meta.id)
  expect(peer.charges().records).toEqual([])
  undo.undo()
  for (const side of [ledger, peer]) {
    expect(side.list().records.map((meta) => meta.id)).toEqual([batch.meta.id])
    expect(side.charges().records.map((charge) => charge.cost)).toEqual(charges.map((charge) => charge.cost))
  }
})
