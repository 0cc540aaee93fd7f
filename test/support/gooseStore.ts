import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildSqliteFixture } from './sqliteFixture'
import { temporaryFolder } from './tempDirs'

const FIXTURE = resolve(__dirname, '../fixtures/logs/goose/sessions')

/**
 * A Goose data folder made from the fixture: `sessions/sessions.db` built from the checked-in
 * schema and rows script, next to the older session files. Returns the data folder.
 */
export function gooseDataFolder(): string {
  const data = join(temporaryFolder('goose-data-'), 'data')
  const sessions = join(data, 'sessions')
  mkdirSync(sessions, { recursive: true })
  buildSqliteFixture(join(FIXTURE, 'sessions.sql'), join(sessions, 'sessions.db'))
  for (const name of readdirSync(FIXTURE).filter((file) => file.endsWith('.jsonl'))) copyFileSync(join(FIXTURE, name), join(sessions, name))
  return data
}
