import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBatch } from '../batches/batch'
import { Ledger } from './ledger'
import { DamagedWorkspaceError, decodeWorkspaceFile, encodeWorkspaceFile, updatePieces, type WorkspaceDocs } from './workspaceFile'

/** A small workspace: a setting and a note in governance, one billing batch in the ledger. */
function smallWorkspace(): WorkspaceDocs {
  const governance = new Y.Doc()
  governance.getMap('settings').set('currency', 'EUR')
  governance.getMap('annotations').set('run-1', 'Shipped the fix')
  const ledger = new Ledger(new Y.Doc())
  const records = [
    { identity: 'a', cost: '543.92', currency: 'USD', model: 'claude-sonnet-4-6' },
    { identity: 'b', cost: '5.47', currency: 'USD', model: 'gpt-5' },
  ]
  const batch = createBatch({
    kind: 'charges', format: 'test', fileNames: ['cost.csv'], records, totals: { USD: '549.39' },
    from: null, to: null, skipped: [], warnings: [], importedAt: '2026-08-15T00:00:00.000Z',
  })
  ledger.add(batch)
  return { governance, ledger: ledger.doc }
}

/** The small workspace's batch written in parts of `partBytes`, as the app writes a big import. */
async function workspaceWithBatchInParts(partBytes: number): Promise<{ docs: WorkspaceDocs; charges: unknown[] }> {
  const { ledger: whole } = smallWorkspace()
  const wholeLedger = new Ledger(whole)
  const [meta] = wholeLedger.list().records
  const payload = whole.getMap<{ payload: Uint8Array }>('batches').get(meta.id)!.payload
  const ledger = new Ledger(new Y.Doc())
  expect(await ledger.addInParts({ meta, payload, identities: new Map() }, partBytes, async () => {})).toBe('added')
  expect(ledger.payloadParts.size).toBeGreaterThan(1)
  return { docs: { governance: new Y.Doc(), ledger: ledger.doc }, charges: wholeLedger.charges().records }
}

/** What a reader sees of a workspace: both documents as JSON. */
function contents(docs: WorkspaceDocs) {
  return { governance: docs.governance.getMap('settings').toJSON(), annotations: docs.governance.getMap('annotations').toJSON(), batches: docs.ledger.getMap('batches').toJSON() }
}

/** The version 1 layout (no checksums), as files written before checksums hold it. */
function encodeVersion1(docs: WorkspaceDocs): Uint8Array {
  const parts = [Y.encodeStateAsUpdate(docs.governance), Y.encodeStateAsUpdate(docs.ledger)]
  const magic = new TextEncoder().encode('WORKFOLIO-WS1\n')
  const out = new Uint8Array(magic.length + parts.reduce((sum, part) => sum + 4 + part.length, 0))
  out.set(magic)
  let offset = magic.length
  for (const part of parts) {
    new DataView(out.buffer).setUint32(offset, part.length)
    out.set(part, offset + 4)
    offset += 4 + part.length
  }
  return out
}

function flipped(bytes: Uint8Array, position: number, mask: number): Uint8Array {
  const copy = bytes.slice()
  copy[position] ^= mask
  return copy
}

describe('workspace file', () => {
  test('round-trips both documents', () => {
    const docs = smallWorkspace()
    expect(contents(decodeWorkspaceFile(encodeWorkspaceFile(docs)))).toEqual(contents(docs))
  })

  test('a version 1 file (before checksums) still reads, and is written back as version 2', () => {
    const docs = smallWorkspace()
    const old = encodeVersion1(docs)
    const read = decodeWorkspaceFile(old)
    expect(contents(read)).toEqual(contents(docs))
    const again = encodeWorkspaceFile(read)
    expect(new TextDecoder().decode(again.subarray(0, 14))).toBe('WORKFOLIO-WS2\n')
    expect(contents(decodeWorkspaceFile(again))).toEqual(contents(docs))
  })

  test('a version 1 file whose batch content changed is refused by the batch content hash, naming the batch', () => {
    const docs = smallWorkspace()
    const old = encodeVersion1(docs)
    // "543.92" is stored as text inside the batch payload: make it "043.92".
    const at = new TextDecoder('latin1').decode(old).indexOf('543.92')
    expect(at).toBeGreaterThan(0)
    const damaged = old.slice()
    damaged[at] = '0'.charCodeAt(0)
    expect(() => decodeWorkspaceFile(damaged)).toThrow(DamagedWorkspaceError)
    expect(() => decodeWorkspaceFile(damaged)).toThrow(/batch [0-9a-f]{12} \(imported from cost\.csv\) is damaged/)
  })

  test('every flipped byte of a file is found, at every position (fuzz)', () => {
    const docs = smallWorkspace()
    const bytes = encodeWorkspaceFile(docs)
    // Every position with every single-bit flip, then random masks at random positions.
    for (let position = 0; position < bytes.length; position++) {
      for (let bit = 0; bit < 8; bit++) expect(() => decodeWorkspaceFile(flipped(bytes, position, 1 << bit)), `bit ${bit} of byte ${position}`).toThrow(DamagedWorkspaceError)
    }
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (position, mask) => {
        expect(() => decodeWorkspaceFile(flipped(bytes, position, mask))).toThrow(DamagedWorkspaceError)
      }),
      { numRuns: 300 },
    )
  })

  test('a truncated file, a file with bytes after the ledger and a file of something else are refused', () => {
    const bytes = encodeWorkspaceFile(smallWorkspace())
    for (const length of [0, 10, 20, 100, bytes.length - 1]) expect(() => decodeWorkspaceFile(bytes.subarray(0, length))).toThrow(DamagedWorkspaceError)
    const longer = new Uint8Array(bytes.length + 1)
    longer.set(bytes)
    expect(() => decodeWorkspaceFile(longer)).toThrow(/\(1 unexpected byte after the ledger document\)/)
    expect(() => decodeWorkspaceFile(new TextEncoder().encode('hello'))).toThrow(/not a Workfolio workspace/)
  })

  test('a batch written in parts round-trips and reads the same; a changed or missing part is damage, naming the batch', async () => {
    const { docs, charges } = await workspaceWithBatchInParts(40)
    const bytes = encodeWorkspaceFile(docs)
    expect(new Ledger(decodeWorkspaceFile(bytes).ledger).charges().records).toEqual(charges)

    // Version 1 has no file checksums, so only the batch's content hash can tell.
    const v1 = encodeVersion1(docs)
    const changed = v1.slice()
    changed[new TextDecoder('latin1').decode(v1).indexOf('543.92')] = '0'.charCodeAt(0)
    expect(() => decodeWorkspaceFile(changed)).toThrow(/batch [0-9a-f]{12} \(imported from cost\.csv\) is damaged/)

    const [id] = docs.ledger.getMap('batches').keys()
    docs.ledger.getMap('payloadParts').delete(`${id}/1`)
    expect(() => decodeWorkspaceFile(encodeWorkspaceFile(docs))).toThrow(/batch [0-9a-f]{12} \(imported from cost\.csv\) is damaged/)
  })
})

describe('a document written in pieces', () => {
  const filled = (length: number) => new Uint8Array(length).map((_, at) => (at * 31 + length) % 251)
  // toEqual on megabytes of bytes takes seconds.
  const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, at) => byte === b[at])
  const joined = (pieces: Uint8Array[]) => {
    const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0))
    pieces.reduce((at, piece) => (bytes.set(piece, at), at + piece.length), 0)
    return bytes
  }

  // The encoder's buffer starts at 100 bytes and doubles: a few kilobytes span several of its buffers.
  test('is, joined, the update Yjs encodes, whatever the document holds: payloads past the encoder\'s buffer, edits, deletions (property)', () => {
    // Bytes around the size from which they are a piece of their own (64 KiB), alone, in a
    // batch-like object beside other fields, or in a list.
    const bytes = fc.oneof(fc.nat(5_000), fc.integer({ min: 65_530, max: 65_540 }), fc.integer({ min: 100_000, max: 300_000 }))
    const change = fc.oneof(
      fc.record({ key: fc.string({ maxLength: 3 }), bytes }),
      fc.record({ key: fc.string({ maxLength: 3 }), batch: fc.tuple(bytes, bytes, fc.jsonValue({ maxDepth: 2 })) }),
      fc.record({ key: fc.string({ maxLength: 3 }), text: fc.string() }),
      fc.record({ key: fc.string({ maxLength: 3 }), remove: fc.constant(true) }),
    )
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        const doc = new Y.Doc()
        const map = doc.getMap<unknown>('batches')
        for (const c of changes) {
          if ('bytes' in c) map.set(c.key, filled(c.bytes))
          else if ('batch' in c) map.set(c.key, { id: c.key, payload: filled(c.batch[0]), meta: c.batch[2], parts: [filled(c.batch[1]), c.batch[2]], summary: filled(c.batch[1]) })
          else if ('text' in c) map.set(c.key, c.text)
          else map.delete(c.key)
        }
        expect(sameBytes(joined(updatePieces(doc)), Y.encodeStateAsUpdate(doc))).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  test('is the update Yjs encodes when the document holds updates still waiting for what they build on', () => {
    const source = new Y.Doc()
    source.getMap('batches').set('a', 1)
    const first = Y.encodeStateAsUpdate(source)
    source.getMap('batches').set('b', new Uint8Array(70_000).fill(7))
    const doc = new Y.Doc()
    // The second change alone: it waits for the first, which it builds on.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source, Y.encodeStateVectorFromUpdate(first)))
    expect(doc.store.pendingStructs).not.toBeNull()
    expect(joined(updatePieces(doc))).toEqual(Y.encodeStateAsUpdate(doc))
  })
})
