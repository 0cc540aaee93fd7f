import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureHome } from '../../../test/support/sqliteFixture'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { kiloStore } from './kilo'

const KILO_FIXTURE = join(__dirname, '../../../test/fixtures/logs/kilo')

describe('Kilo CLI store', () => {
  it('is kilo.db in ~/.local/share/kilo, $XDG_DATA_HOME/kilo or each folder of KILO_DATA_DIR', () => {
    expect(kiloStore.locations({}, '/home/me')).toEqual(['/home/me/.local/share/kilo/kilo.db'])
    expect(kiloStore.locations({ XDG_DATA_HOME: '/xdg' }, '/home/me')).toEqual(['/xdg/kilo/kilo.db'])
    expect(kiloStore.locations({ KILO_DATA_DIR: '/k1,/k2' }, '/home/me')).toEqual(['/k1/kilo.db', '/k2/kilo.db'])
  })

  it('is found under a home', () => {
    const home = fixtureHome(KILO_FIXTURE, { 'kilo.db.sql': '.local/share/kilo/kilo.db' })
    expect(findLogFiles(defaultLogFolders({}, home), failOnUnreadable)).toEqual([join(home, '.local/share/kilo/kilo.db')])
    expect(findLogFiles([join(home, '.local/share/kilo')], failOnUnreadable)).toEqual([join(home, '.local/share/kilo/kilo.db')])
  })
})
