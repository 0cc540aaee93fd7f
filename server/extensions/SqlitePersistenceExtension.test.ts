import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { temporaryDirectory } from '../test/harness'
import { SqlitePersistenceExtension } from './SqlitePersistenceExtension'

type Store = (documentName: string, state: Uint8Array) => Promise<void>
type Fetch = (documentName: string) => Promise<Uint8Array | null>

function open(file: string): { extension: SqlitePersistenceExtension; store: Store; fetch: Fetch } {
  const extension = new SqlitePersistenceExtension(file)
  const { store, fetch } = extension.configuration
  return {
    extension,
    store: (documentName, state) => store({ documentName, state: Buffer.from(state) } as never),
    fetch: (documentName) => fetch({ documentName } as never),
  }
}

function docWith(entries: Record<string, string>): Y.Doc {
  const doc = new Y.Doc()
  for (const [key, value] of Object.entries(entries)) doc.getMap('notes').set(key, value)
  return doc
}

function notes(state: Uint8Array | null): unknown {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  return doc.getMap('notes').toJSON()
}

describe('SqlitePersistenceExtension', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let file: string
  beforeEach(() => {
    data = temporaryDirectory()
    file = join(data.path, 'sync.sqlite')
  })
  afterEach(() => data.remove())

  it('opens the database in WAL mode', async () => {
    const { extension } = open(file)
    await extension.onDestroy()
    const db = new BetterSqlite3(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('fetches what it stored, per document, after a reopen', async () => {
    const first = open(file)
    await first.store('ws-alpha', Y.encodeStateAsUpdate(docWith({ a: '1' })))
    await first.store('ws-alpha/ledger', Y.encodeStateAsUpdate(docWith({ l: '2' })))
    await first.extension.onDestroy()

    const second = open(file)
    expect(notes(await second.fetch('ws-alpha'))).toEqual({ a: '1' })
    expect(notes(await second.fetch('ws-alpha/ledger'))).toEqual({ l: '2' })
    expect(await second.fetch('missing')).toBeNull()
    await second.extension.onDestroy()
  })

  it('merges a store into the stored state, so a process that missed an edit cannot erase it', async () => {
    const processA = open(file)
    const processB = open(file)
    const base = docWith({ base: 'shared' })
    const seenByA = new Y.Doc()
    const seenByB = new Y.Doc()
    Y.applyUpdate(seenByA, Y.encodeStateAsUpdate(base))
    Y.applyUpdate(seenByB, Y.encodeStateAsUpdate(base))
    seenByA.getMap('notes').set('fromA', 'edit on process A')
    seenByB.getMap('notes').set('fromB', 'edit on process B')

    await processA.store('ws-alpha', Y.encodeStateAsUpdate(seenByA))
    await processB.store('ws-alpha', Y.encodeStateAsUpdate(seenByB))
    expect(notes(await processA.fetch('ws-alpha'))).toEqual({ base: 'shared', fromA: 'edit on process A', fromB: 'edit on process B' })
    await processA.extension.onDestroy()
    await processB.extension.onDestroy()
  })

  it('writes its own state as is when nobody else wrote the row since it last did', async () => {
    const alone = open(file)
    await alone.store('ws-alpha', Y.encodeStateAsUpdate(docWith({ first: '1' })))
    // A single process always holds a superset of its own row; no merge means no read-back of a large row.
    await alone.store('ws-alpha', Y.encodeStateAsUpdate(docWith({ second: '2' })))
    expect(notes(await alone.fetch('ws-alpha'))).toEqual({ second: '2' })
    await alone.extension.onDestroy()
  })
})
