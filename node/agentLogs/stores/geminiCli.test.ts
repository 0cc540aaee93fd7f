import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touch } from '../../../test/support/touchFile'
import { failOnUnreadable } from '../../filesInFolder'
import { defaultLogFolders, findLogFiles } from '../discover'
import { geminiCliStore } from './geminiCli'

const root = mkdtempSync(join(tmpdir(), 'gemini-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('Gemini CLI store', () => {
  const home = join(root, 'home')
  const session = touch(join(home, '.gemini/tmp/shop/chats/session-2026-05-14T10-02-7e4f1a2b.jsonl'))
  const subagent = touch(join(home, '.gemini/tmp/shop/chats/7e4f1a2b-5c6d-4e8f-9a0b-1c2d3e4f5a60/c8a1d2e3.jsonl'))
  const legacy = touch(join(home, '.gemini/tmp/0a1b2c/chats/session-2025-11-20T09-15-3b9d0c4e.json'))
  touch(join(home, '.gemini/tmp/shop/logs.json'))
  touch(join(home, '.gemini/tmp/shop/checkpoint-fix.json'))
  touch(join(home, '.gemini/settings.json'))
  touch(join(home, '.gemini/projects.json'))
  const sessions = [legacy, subagent, session].sort()

  it('finds the chat recordings under ~/.gemini/tmp (JSONL and the older JSON), not logs, checkpoints or settings', () => {
    expect(geminiCliStore.locations({}, home)).toEqual([join(home, '.gemini', 'tmp')])
    expect(findLogFiles(defaultLogFolders({}, home), failOnUnreadable)).toEqual(sessions)
  })

  it('honours GEMINI_CLI_HOME (Gemini CLI) and GEMINI_DATA_DIR (ccusage: folders in place of .gemini/tmp)', () => {
    expect(findLogFiles(defaultLogFolders({ GEMINI_CLI_HOME: home }, join(root, 'nobody')), failOnUnreadable)).toEqual(sessions)
    const other = touch(join(root, 'data/p/chats/session-2026-01-01T00-00-aaaa.jsonl'))
    expect(geminiCliStore.locations({ GEMINI_DATA_DIR: ` ${join(root, 'data')} , ${join(root, 'more')}`, GEMINI_CLI_HOME: home }, home)).toEqual([join(root, 'data'), join(root, 'more')])
    expect(findLogFiles(defaultLogFolders({ GEMINI_DATA_DIR: join(root, 'data') }, home), failOnUnreadable)).toEqual([other])
  })

  it('reads the tmp folder only when the data folder itself is picked', () => {
    expect(findLogFiles([join(home, '.gemini')], failOnUnreadable)).toEqual(sessions)
  })
})
