import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importAgentLogs } from '../../../shared/importers/logs/importAgentLogs'
import { gooseDataFolder } from '../../../test/support/gooseStore'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { fileLogSource } from '../logFileSource'
import { gooseStore } from './goose'

interface Database {
  exec(sql: string): void
  close(): void
}
const BetterSqlite = createRequire(__filename)('better-sqlite3') as new (path: string) => Database

const sessionFiles = (data: string) => [join(data, 'sessions', '20250110_093000.jsonl'), join(data, 'sessions', 'sessions.db')]

describe('Goose store discovery', () => {
  it('finds sessions.db and the older session files under GOOSE_PATH_ROOT/data/sessions', () => {
    const data = gooseDataFolder()
    expect(findLogFiles(defaultLogFolders({ GOOSE_PATH_ROOT: dirname(data) }, temporaryFolder()), failOnUnreadable)).toEqual(sessionFiles(data))
  })

  it('looks in $XDG_DATA_HOME/goose, ~/.local/share/goose and macOS’s Application Support folder', () => {
    expect(gooseStore.locations({}, '/home/me')).toEqual([
      join('/home/me', '.local', 'share', 'goose', 'sessions'),
      join('/home/me', 'Library', 'Application Support', 'goose', 'sessions'),
      join('/home/me', '.local', 'share', 'Block', 'goose', 'sessions'),
    ])
    expect(gooseStore.locations({ XDG_DATA_HOME: '/x' }, '/home/me')[0]).toEqual(join('/x', 'goose', 'sessions'))
    expect(gooseStore.locations({ GOOSE_PATH_ROOT: '/g', XDG_DATA_HOME: '/x' }, '/home/me')).toEqual([join('/g', 'data', 'sessions')])
  })

  it('takes the Goose data folder the user picks (its sessions folder only)', () => {
    const data = gooseDataFolder()
    expect(findLogFiles([data], failOnUnreadable)).toEqual(sessionFiles(data))
  })
})

describe('Goose store read while Goose writes to it', () => {
  function snapshot(path: string) {
    return { bytes: readFileSync(path), mtime: statSync(path).mtimeMs }
  }

  it('reads the committed sessions while a write is in progress (WAL, as Goose opens it), and changes nothing', async () => {
    const store = join(gooseDataFolder(), 'sessions', 'sessions.db')
    const writer = new BetterSqlite(store)
    writer.exec('PRAGMA journal_mode = WAL')
    writer.exec(`BEGIN IMMEDIATE; INSERT INTO sessions (id, working_dir, accumulated_input_tokens, accumulated_output_tokens, model_config_json) VALUES ('20260304_1', '/tmp', 10, 5, '{"model_name":"gpt-5"}')`)
    const before = snapshot(store)
    try {
      const result = await importAgentLogs([fileLogSource(store)])
      expect(result.errors).toEqual([])
      expect(result.runs.map((run) => run.id).sort()).toEqual(['20250110_093000', '20260301_1', '20260302_1', '20260302_2'])
      expect(snapshot(store)).toEqual(before)
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })

  it('says the store is locked when Goose holds it exclusively, without a crash or a change', async () => {
    const store = join(gooseDataFolder(), 'sessions', 'sessions.db')
    const writer = new BetterSqlite(store)
    writer.exec(`BEGIN EXCLUSIVE; UPDATE sessions SET accumulated_input_tokens = 1`)
    const before = snapshot(store)
    try {
      const result = await importAgentLogs([fileLogSource(store)])
      expect(result.runs).toEqual([])
      expect(result.errors).toEqual([{ path: store, line: 0, message: 'cannot read the file: the database is locked by the agent writing to it; try again in a moment' }])
      expect(snapshot(store)).toEqual(before)
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })
})
