import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { temporaryFolder } from './tempDirs'

/** A SQLite database built from a checked-in script (schema and rows), so no binary fixture is committed. */
export function buildSqliteFixture(script: string, database: string): string {
  mkdirSync(dirname(database), { recursive: true })
  const db = new Database(database)
  try {
    db.exec(readFileSync(script, 'utf8'))
  } finally {
    db.close()
  }
  return database
}

/**
 * An agent's fixture laid out as under a home folder, copied to a temporary home, with each
 * script (`kilo.db.sql`, relative to the fixture) built into the database at its place there.
 */
export function fixtureHome(fixture: string, databases: Record<string, string>): string {
  const home = temporaryFolder('workfolio-home-')
  cpSync(fixture, home, { recursive: true, filter: (path) => !path.endsWith('.sql') })
  for (const [script, database] of Object.entries(databases)) buildSqliteFixture(join(fixture, script), join(home, database))
  return home
}
