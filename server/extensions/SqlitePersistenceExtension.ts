import { Database as DatabaseExtension } from '@hocuspocus/extension-database'
import type { Extension } from '@hocuspocus/server'
import BetterSqlite3 from 'better-sqlite3'
import * as Y from 'yjs'
import { untilUnlocked } from './sqliteLocks'

/**
 * Stores each document's full Yjs state in one SQLite row, through Hocuspocus's database
 * extension (which calls `store` at most once per debounce window per document).
 *
 * Durability: WAL with synchronous=FULL, so a committed store survives kill -9 and power loss,
 * and a store interrupted at any point rolls back to the previous row, never a torn one.
 *
 * Several server processes may share one database file (scaling out). A process only knows
 * the edits it has received so far, so when another process wrote the row since this one
 * last read or wrote it, the store merges into the row instead of overwriting it: an edit
 * stored a moment earlier elsewhere is never erased. Otherwise (always, with one process) the
 * in-memory document already contains the row and is written as is, which matters for a
 * ledger of tens of megabytes.
 */
export class SqlitePersistenceExtension extends DatabaseExtension implements Extension {
  extensionName = 'SqlitePersistence'

  private readonly db: BetterSqlite3.Database

  constructor(file: string) {
    const db = new BetterSqlite3(file)
    // Other processes sharing the file hold the write lock only for one store.
    db.pragma('busy_timeout = 5000')
    untilUnlocked(() => db.pragma('journal_mode = WAL'))
    db.pragma('synchronous = FULL')
    untilUnlocked(() =>
      db.exec(`CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      version INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`),
    )
    const selectState = db.prepare<[string], { state: Buffer; version: number }>('SELECT state, version FROM documents WHERE name = ?')
    const selectVersion = db.prepare<[string], { version: number }>('SELECT version FROM documents WHERE name = ?')
    const upsert = db.prepare<[string, Uint8Array, number, number]>(
      `INSERT INTO documents (name, state, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET state = excluded.state, version = excluded.version, updated_at = excluded.updated_at`,
    )
    /** The row version this process last read or wrote, per document (0: no row). */
    const seen = new Map<string, number>()
    const write = db.transaction((name: string, state: Uint8Array) => {
      const version = selectVersion.get(name)?.version ?? 0
      const current = version === 0 || version === (seen.get(name) ?? 0)
      const merged = current ? state : Y.mergeUpdates([selectState.get(name)!.state, state])
      upsert.run(name, merged, version + 1, Date.now())
      seen.set(name, version + 1)
    })
    super({
      fetch: async ({ documentName }) => {
        const row = selectState.get(documentName)
        seen.set(documentName, row?.version ?? 0)
        return row?.state ?? null
      },
      // IMMEDIATE takes the write lock before reading the version, so two processes cannot
      // both decide the row is theirs.
      store: async ({ documentName, state }) => write.immediate(documentName, state),
    })
    this.db = db
  }

  async onDestroy(): Promise<void> {
    this.db.close()
  }
}
