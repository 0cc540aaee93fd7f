import { sqliteStoreHeader, type SessionLogFormat } from '../../shared/importers/logs/sessionLogFormat'
import { SESSION_LOG_FORMATS } from '../../shared/importers/logs/sessionLogFormats'

/** The few calls made on a database: better-sqlite3 and node:sqlite both have them. */
interface ReadOnlyDatabase {
  prepare(sql: string): { all(): unknown[]; iterate(): IterableIterator<unknown>; run(): unknown }
  close(): void
}

/**
 * An agent's SQLite store as the line stream its reader takes (see SqliteStoreSpec): the
 * database is opened read-only (the agent may be writing to it; nothing here ever writes), the
 * format is told by its tables, and each query's rows become `{"query","row"}` lines. A locked,
 * damaged or unknown database throws a one-line reason, which the import reports for the file.
 */
export async function* sqliteStoreLines(path: string, formats: readonly SessionLogFormat[] = SESSION_LOG_FORMATS, load: SqliteModuleLoader = loadModule): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  const db = await openReadOnly(path, load)
  try {
    // One read transaction: every query sees the same committed state, while the agent writes on.
    db.prepare('BEGIN').run()
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name)
    const format = formats.find((candidate) => candidate.sqlite?.matches(tables, path.split('\\').join('/')))
    if (!format?.sqlite) throw new Error('a SQLite database that is not an agent session store Workfolio reads (OpenCode, Goose, Kilo)')
    yield encoder.encode(sqliteStoreHeader(format.tool) + '\n')
    for (const query of format.sqlite.queries) {
      // Rows are streamed, not loaded whole: a store can hold hundreds of thousands.
      let rows: IterableIterator<unknown>
      try {
        rows = db.prepare(query.sql).iterate()
      } catch (error) {
        if (query.optional && /no such (table|column)/i.test((error as Error).message)) continue
        throw error
      }
      let text = ''
      for (const row of rows) {
        text += JSON.stringify({ query: query.name, row }, jsonSafe) + '\n'
        // Handed over in pieces of about 1 MB.
        if (text.length > 1 << 20) {
          yield encoder.encode(text)
          text = ''
        }
      }
      if (text) yield encoder.encode(text)
    }
  } catch (error) {
    throw new Error(sqliteMessage(error))
  } finally {
    db.close()
  }
}

/** BLOB columns are never session data a reader needs, and BigInt does not serialise. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Uint8Array) return null
  return value
}

function sqliteMessage(error: unknown): string {
  const message = (error as Error).message ?? String(error)
  if (/SQLITE_BUSY|database is locked/i.test(message)) return 'the database is locked by the agent writing to it; try again in a moment'
  if (/SQLITE_CORRUPT|malformed|not a database|SQLITE_NOTADB/i.test(message)) return `the database is damaged or still being written (${message})`
  return message
}

/**
 * better-sqlite3 where it loads (Node: the CLI and the tests). The desktop app's main process
 * runs Electron's own Node, against which the npm build of the native module may not load;
 * there the built-in node:sqlite (Node 22.13 and later) reads the store instead.
 */
async function openReadOnly(path: string, load: SqliteModuleLoader): Promise<ReadOnlyDatabase> {
  let loadError: unknown = null
  try {
    const BetterSqlite = (await load('better-sqlite3')) as new (path: string, options: object) => ReadOnlyDatabase
    // Read-only, and a writer holding a lock is waited for a moment, never broken.
    return new BetterSqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 })
  } catch (error) {
    if (!NATIVE_MODULE_UNUSABLE.test((error as Error).message ?? '')) throw new Error(sqliteMessage(error))
    loadError = error
  }
  try {
    const { DatabaseSync } = (await load('node:sqlite')) as { DatabaseSync: new (path: string, options: object) => ReadOnlyDatabase }
    return new DatabaseSync(path, { readOnly: true })
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_UNKNOWN_BUILTIN_MODULE' ? (loadError as Error).message : sqliteMessage(error)
    throw new Error(`cannot open SQLite databases here: ${reason}`)
  }
}

/** Loads the SQLite module named (a parameter so tests can take better-sqlite3 away). */
export type SqliteModuleLoader = (name: 'better-sqlite3' | 'node:sqlite') => unknown

/**
 * Loaded when first needed, by dynamic import: this module also runs in the CLI's CommonJS
 * log-reader bundle, where import.meta (and so createRequire(import.meta.url)) is empty.
 */
async function loadModule(name: 'better-sqlite3' | 'node:sqlite'): Promise<unknown> {
  return name === 'better-sqlite3' ? (await import('better-sqlite3')).default : await import('node:sqlite' as string)
}

/** better-sqlite3 missing, or built for another Node (ABI) than the one running. */
const NATIVE_MODULE_UNUSABLE = /Cannot find module|NODE_MODULE_VERSION|compiled against a different|Could not locate the bindings file|invalid ELF|Module did not self-register/i
