import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sqliteStoreHeader } from '../../shared/importers/logs/sessionLogFormat'
import { buildSqliteFixture } from '../../test/support/sqliteFixture'
import { temporaryFolder } from '../../test/support/tempDirs'
import { sqliteStoreLines, type SqliteModuleLoader } from './sqliteStore'
import { fileLogSource } from './logFileSource'
import { SESSION_LOG_FORMATS } from '../../shared/importers/logs/sessionLogFormats'

const SCRIPT = join(__dirname, '../../test/fixtures/logs/opencode/opencode.db.sql')
const nodeRequire = createRequire(import.meta.url)

function openCodeStore(): string {
  return buildSqliteFixture(SCRIPT, join(temporaryFolder(), 'opencode', 'opencode.db'))
}

async function storeLines(path: string, load?: SqliteModuleLoader): Promise<string[]> {
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of sqliteStoreLines(path, SESSION_LOG_FORMATS, load)) text += decoder.decode(chunk)
  return text.split('\n').filter(Boolean)
}

async function failure(path: string, load?: SqliteModuleLoader): Promise<string> {
  try {
    await storeLines(path, load)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the store was read')
}

function fingerprint(path: string) {
  return { sha: createHash('sha256').update(readFileSync(path)).digest('hex'), mtime: statSync(path).mtimeMs, size: statSync(path).size }
}

/** How many messages the store holds, asked of SQLite directly. */
function messageCount(path: string): number {
  const db = new Database(path, { readonly: true })
  const { count } = db.prepare('SELECT count(*) AS count FROM message').get() as { count: number }
  db.close()
  return count
}

const messageIds = (lines: string[]) => lines.map((line) => JSON.parse(line)).filter((line) => line.query === 'message').map((line) => line.row.id)

describe('SQLite agent stores read as row lines', () => {
  it('streams the header and the rows of each query, and never changes the file', async () => {
    const path = openCodeStore()
    const before = fingerprint(path)
    const lines = await storeLines(path)
    expect(lines[0]).toBe(sqliteStoreHeader('opencode'))
    expect(new Set(lines.slice(1).map((line) => JSON.parse(line).query))).toEqual(new Set(['session', 'message', 'part']))
    expect(messageIds(lines)).toHaveLength(messageCount(path))
    // Tool parts only, without their output or the text an edit writes; no text part.
    expect(lines.join('\n')).not.toMatch(/FAIL src\/retry|clock\.tick|relied on real time/)
    expect(fingerprint(path)).toEqual(before)
  })

  it('is told from a log by its first bytes when read as a log file', async () => {
    const path = openCodeStore()
    const decoder = new TextDecoder()
    let text = ''
    for await (const chunk of fileLogSource(path).chunks()) text += decoder.decode(chunk)
    expect(text.split('\n').filter(Boolean)).toEqual(await storeLines(path))
  })

  it('reads the committed state of a WAL database while the agent is mid-transaction', async () => {
    const path = openCodeStore()
    const writer = new Database(path)
    expect(writer.pragma('journal_mode', { simple: true })).toBe('wal')
    writer.exec('BEGIN IMMEDIATE')
    writer.prepare("INSERT INTO message VALUES ('msg_uncommitted', 'ses_5a1f3c2b0ffeAbCdEf01234567', 1, 1, '{}')").run()
    const before = fingerprint(path)
    try {
      const ids = messageIds(await storeLines(path))
      expect(ids).toHaveLength(messageCount(path))
      expect(ids).not.toContain('msg_uncommitted')
      expect(fingerprint(path)).toEqual(before)
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })

  it('reads every table as of one moment, while the agent commits between them', async () => {
    const path = openCodeStore()
    const writer = new Database(path)
    const decoder = new TextDecoder()
    const chunks = sqliteStoreLines(path)
    try {
      expect(decoder.decode((await chunks.next()).value!)).toContain(sqliteStoreHeader('opencode'))
      expect(decoder.decode((await chunks.next()).value!)).toContain('"query":"session"')
      writer.prepare("INSERT INTO message VALUES ('msg_later', 'ses_5a1f3c2b0ffeAbCdEf01234567', 1, 1, '{}')").run()
      const messages = decoder.decode((await chunks.next()).value!)
      expect(messages).toContain('"query":"message"')
      expect(messages).not.toContain('msg_later')
    } finally {
      await chunks.return(undefined)
      writer.close()
    }
    expect(messageIds(await storeLines(path))).toContain('msg_later')
  })

  it('says in one line that a database locked by its writer cannot be read now', async () => {
    const path = openCodeStore()
    const writer = new Database(path)
    writer.pragma('journal_mode = DELETE')
    writer.exec('BEGIN EXCLUSIVE')
    writer.prepare("INSERT INTO message VALUES ('msg_locked', 'ses_5a1f3c2b0ffeAbCdEf01234567', 1, 1, '{}')").run()
    try {
      expect(await failure(path)).toBe('the database is locked by the agent writing to it; try again in a moment')
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  }, 10_000)

  it('says in one line that a half-written or damaged database cannot be read', async () => {
    const whole = readFileSync(openCodeStore())
    const half = join(temporaryFolder(), 'opencode.db')
    writeFileSync(half, whole.subarray(0, 4096 + 100))
    const damaged = join(temporaryFolder(), 'opencode.db')
    writeFileSync(damaged, Buffer.concat([whole.subarray(0, 100), Buffer.alloc(whole.length - 100, 0x5a)]))
    for (const path of [half, damaged]) {
      const message = await failure(path)
      expect(message).toMatch(/^the database is damaged or still being written \(.+\)$/)
      expect(message).not.toContain('\n')
    }
  })

  it('names the agents it reads when a SQLite database is none of their stores', async () => {
    const path = join(temporaryFolder(), 'opencode.db')
    const db = new Database(path)
    db.exec('CREATE TABLE notes (id TEXT)')
    db.close()
    expect(await failure(path)).toBe('a SQLite database that is not an agent session store Workfolio reads (OpenCode, Goose, Kilo)')
  })

  describe('where better-sqlite3 cannot load (the desktop app on another Node ABI)', () => {
    const unusable = (name: string) => {
      if (name === 'better-sqlite3') throw new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115')
    }

    it('reads the store read-only with node:sqlite instead', async () => {
      const opened: object[] = []
      // node:sqlite's DatabaseSync (Node 22.13+) stood in for by better-sqlite3, which has the same calls.
      class DatabaseSync {
        constructor(path: string, options: { readOnly?: boolean }) {
          opened.push(options)
          const BetterSqlite = nodeRequire('better-sqlite3') as typeof Database
          return new BetterSqlite(path, { readonly: options.readOnly === true, fileMustExist: true })
        }
      }
      const path = openCodeStore()
      const before = fingerprint(path)
      const load: SqliteModuleLoader = (name) => unusable(name) ?? { DatabaseSync }
      expect(messageIds(await storeLines(path, load))).toHaveLength(messageCount(path))
      expect(opened).toEqual([{ readOnly: true }])
      expect(fingerprint(path)).toEqual(before)
    })

    it('says why when node:sqlite is missing too (Node before 22.13)', async () => {
      const load: SqliteModuleLoader = (name) => {
        unusable(name)
        throw Object.assign(new Error('No such built-in module: node:sqlite'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' })
      }
      expect(await failure(openCodeStore(), load)).toBe('cannot open SQLite databases here: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115')
    })
  })
})
