import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureHome } from '../../../test/support/sqliteFixture'
import { temporaryFolder } from '../../../test/support/tempDirs'
import { touch } from '../../../test/support/touchFile'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { openCodeStore } from './opencode'

const OPENCODE_FIXTURE = join(__dirname, '../../../test/fixtures/logs/opencode')

describe('OpenCode store', () => {
  it('is opencode.db, the channel databases and storage/ in ~/.local/share/opencode, or $XDG_DATA_HOME/opencode', () => {
    const home = temporaryFolder()
    const beta = touch(join(home, '.local/share/opencode/opencode-beta.db'))
    touch(join(home, '.local/share/opencode/auth.json'))
    const data = join(home, '.local/share/opencode')
    expect(openCodeStore.locations({}, home)).toEqual([join(data, 'opencode.db'), beta, join(data, 'storage')])
    expect(openCodeStore.locations({ XDG_DATA_HOME: '/xdg' }, home)).toEqual([join('/xdg/opencode', 'opencode.db'), join('/xdg/opencode', 'storage')])
  })

  it('honours OPENCODE_DATA_DIR, a comma-separated list, as ccusage reads it', () => {
    expect(openCodeStore.locations({ OPENCODE_DATA_DIR: '/a, /b', XDG_DATA_HOME: '/xdg' }, '/home/me')).toEqual(['/a/opencode.db', '/a/storage', '/b/opencode.db', '/b/storage'])
  })

  it('finds the database and the session files of the storage/ folder under a home, nothing else kept there', () => {
    const home = fixtureHome(OPENCODE_FIXTURE, { 'opencode.db.sql': '.local/share/opencode/opencode.db' })
    const found = findLogFiles(defaultLogFolders({}, home), failOnUnreadable).map((path) => path.slice(join(home, '.local/share/opencode').length + 1))
    expect(found).toContain('opencode.db')
    expect(found.filter((path) => path.startsWith('storage/message/'))).toHaveLength(5)
    expect(found.filter((path) => path.startsWith('storage/session/message/') || path.startsWith('storage/session/info/'))).toHaveLength(3)
    expect(found.filter((path) => path.startsWith('storage/part/'))).toHaveLength(3)
    expect(found.filter((path) => /^storage\/session\/[0-9a-f]+\//.test(path))).toHaveLength(2)
    expect(found.some((path) => path.startsWith('storage/project/'))).toBe(false)
    // A data folder picked by hand: the same files, a channel build's database too.
    const beta = touch(join(home, '.local/share/opencode/opencode-beta.db'), '')
    expect(findLogFiles([join(home, '.local/share/opencode')], failOnUnreadable)).toEqual(findLogFiles(defaultLogFolders({}, home), failOnUnreadable))
    expect(findLogFiles([join(home, '.local/share/opencode')], failOnUnreadable)).toContain(beta)
  })
})
