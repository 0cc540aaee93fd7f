import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { temporaryFolder } from './tempDirs'

const FIXTURE = resolve(__dirname, '../fixtures/logs/goose/sessions')

interface Database {
  exec(sql: string): void
  close(): void
}

/**
 * A Goose data folder made from the fixture: `sessions/sessions.db` built from the checked-in
 * schema and rows script, next to the older session files. Returns the data folder.
 */
export function gooseDataFolder(): string {
  const data = join(temporaryFolder('goose-data-'), 'data')
  const sessions = join(data, 'sessions')
  mkdirSync(sessions, { recursive: true })
  const BetterSqlite = createRequire(__filename)('better-sqlite3') as new (path: string) => Database
  const db = new BetterSqlite(join(sessions, 'sessions.db'))
  db.exec(readFileSync(join(FIXTURE, 'sessions.sql'), 'utf8'))
  db.close()
  for (const name of readdirSync(FIXTURE).filter((file) => file.endsWith('.jsonl'))) copyFileSync(join(FIXTURE, name), join(sessions, name))
  return data
}
