import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touch } from '../../../test/support/touchFile'
import { failOnUnreadable } from '../../filesInFolder'
import { agentLogRoots, defaultLogFolders, findLogFiles } from '../discover'

const root = mkdtempSync(join(tmpdir(), 'qwen-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const qwenFiles = (env: Record<string, string>, home: string) => findLogFiles(defaultLogFolders(env, home), failOnUnreadable).filter((path) => path.includes('/projects/'))

describe('Qwen Code store discovery', () => {
  const home = join(root, 'home')
  const chat = touch(join(home, '.qwen/projects/-home-dana-src-api/chats/6f1c0000-0000-4000-8000-000000000001.jsonl'))
  touch(join(home, '.qwen/settings.json'))
  touch(join(home, '.qwen/tmp/3f2a/logs.json'))

  it('finds the chats under ~/.qwen/projects, not the settings or the temp folder', () => {
    expect(qwenFiles({}, home)).toEqual([chat])
  })

  it('reads QWEN_DATA_DIR (a comma-separated list) instead of ~/.qwen', () => {
    const a = touch(join(root, 'backup-a/projects/-p/chats/a.jsonl'))
    const b = touch(join(root, 'backup-b/projects/-q/chats/b.jsonl'))
    expect(qwenFiles({ QWEN_DATA_DIR: `${join(root, 'backup-a')}, ${join(root, 'backup-b')}` }, home)).toEqual([a, b])
  })

  it('reads QWEN_RUNTIME_DIR, where Qwen Code then writes, and still ~/.qwen', () => {
    const runtime = touch(join(root, 'runtime/projects/-r/chats/r.jsonl'))
    expect(qwenFiles({ QWEN_RUNTIME_DIR: join(root, 'runtime') }, home)).toEqual([chat, runtime].sort())
  })

  it('takes the ~/.qwen data folder when it is picked', () => {
    expect(findLogFiles([join(home, '.qwen')], failOnUnreadable)).toEqual([chat])
  })

  it('lists its default folder and the variables that move it', () => {
    const qwenRoots = (env: Record<string, string>) => agentLogRoots(env, '/home/me').filter((entry) => entry.tool === 'qwen-code')
    expect(qwenRoots({})).toEqual([{ tool: 'qwen-code', path: join('/home/me', '.qwen', 'projects') }])
    expect(qwenRoots({ QWEN_DATA_DIR: '/a,/b' })).toEqual([
      { tool: 'qwen-code', path: join('/a', 'projects') },
      { tool: 'qwen-code', path: join('/b', 'projects') },
    ])
  })
})
