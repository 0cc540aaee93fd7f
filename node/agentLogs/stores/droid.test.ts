import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touch } from '../../../test/support/touchFile'
import { failOnUnreadable } from '../../filesInFolder'
import { agentLogRoots, defaultLogFolders, findLogFiles } from '../discover'

const root = mkdtempSync(join(tmpdir(), 'droid-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const SESSION = 'de1a0000-0000-4000-8000-000000000001'
const droidFiles = (env: Record<string, string>, home: string) => findLogFiles(defaultLogFolders(env, home), failOnUnreadable)

describe('Factory Droid store discovery', () => {
  const home = join(root, 'home')
  const transcript = touch(join(home, `.factory/sessions/-home-dana-src-api/${SESSION}.jsonl`))
  const settings = touch(join(home, `.factory/sessions/-home-dana-src-api/${SESSION}.settings.json`))
  touch(join(home, '.factory/settings.json'))
  touch(join(home, '.factory/command-log.jsonl'))

  it('finds each session’s transcript and settings under ~/.factory/sessions, not the other files of ~/.factory', () => {
    expect(droidFiles({}, home)).toEqual([transcript, settings])
    expect(findLogFiles([join(home, '.factory')], failOnUnreadable)).toEqual([transcript, settings])
  })

  it('reads DROID_SESSIONS_DIR (a comma-separated list) instead', () => {
    const a = touch(join(root, 'a/-p/s.jsonl'))
    const b = touch(join(root, `b/-q/${SESSION}.settings.json`))
    expect(droidFiles({ DROID_SESSIONS_DIR: `${join(root, 'a')},${join(root, 'b')}` }, home)).toEqual([a, b])
  })

  it('lists its default folder and the variable that moves it', () => {
    const droidRoots = (env: Record<string, string>) => agentLogRoots(env, '/home/me').filter((entry) => entry.tool === 'droid')
    expect(droidRoots({})).toEqual([{ tool: 'droid', path: join('/home/me', '.factory', 'sessions') }])
    expect(droidRoots({ DROID_SESSIONS_DIR: ' /x , /y ' })).toEqual([
      { tool: 'droid', path: '/x' },
      { tool: 'droid', path: '/y' },
    ])
  })
})
