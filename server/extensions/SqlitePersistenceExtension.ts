import { Database as DatabaseExtension } from '@hocuspocus/extension-database'
import type { Extension } from '@hocuspocus/server'
import BetterSqlite3 from 'better-sqlite3'
import * as Y from 'yjs'

/**
 * Stores each document's full Yjs state in one SQLite row, through Hocuspocus's database
 * extension (which calls `store` at most once per debounce window per document).
 *
 * Durability: WAL with synchronous=FULL, so a committed store survives kill -9 and power loss,
 * and a store interrupted at any point rolls back to the previous row, never a torn one.
 *
 * Several server processes may share one database file (scaling out). A process only knows
 * the edits it has received so far, so a store merges its state into the stored row instead
 * of overwriting it: an edit another process stored a moment earlier is never erased.
 */
export class SqlitePersistenceExtension extends DatabaseExtension implements Extension {
  extensionName = 'SqlitePersistence'

  private readonly db: BetterSqlite3.Database

  constructor(file: string) {
    const db = new BetterSqlite3(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    // Other processes sharing the file hold the write lock only for one store.
    db.pragma('busy_timeout = 5000')
    db.exec(`CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      updated_at INTEGER NOT NULL
    )`)
    const select = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?')
    const upsert = db.prepare<[string, Uint8Array, number]>(
      `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    )
    const merge = db.transaction((name: string, state: Uint8Array) => {
      const stored = select.get(name)?.state
      upsert.run(name, stored ? Y.mergeUpdates([stored, state]) : state, Date.now())
    })
    super({
      fetch: async ({ documentName }) => select.get(documentName)?.state ?? null,
      // IMMEDIATE takes the write lock before reading, so two processes cannot both merge
      // into the same old row.
      store: async ({ documentName, state }) => merge.immediate(documentName, state),
    })
    this.db = db
  }

  async onDestroy(): Promise<void> {
    this.db.close()
  }
}
