import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touch } from '../../test/support/touchFile'
import { failOnUnreadable } from '../filesInFolder'
import { agentLogRoots, defaultLogFolders, findLogFiles } from './discover'

const root = mkdtempSync(join(tmpdir(), 'agent-logs-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('agent log discovery', () => {
  const home = join(root, 'home')
  const main = touch(join(home, '.claude/projects/-p/s.jsonl'))
  const sub = touch(join(home, '.claude/projects/-p/s/subagents/agent-1.jsonl'))
  touch(join(home, '.claude/history.jsonl'))
  const legacy = touch(join(home, '.config/claude/projects/-q/t.jsonl'))
  const rollout = touch(join(home, '.codex/sessions/2026/01/02/rollout-2026-01-02T03-04-05-x.jsonl'))
  const archived = touch(join(home, '.codex/archived_sessions/rollout-old.jsonl'))
  touch(join(home, '.codex/history.jsonl'))
  const custom = touch(join(root, 'team-a/projects/-r/u.jsonl'))
  const other = touch(join(root, 'team-b/projects/-s/v.jsonl'))

  it('finds Claude Code and Codex logs in their default places, not history files', () => {
    expect(findLogFiles(defaultLogFolders({}, home), failOnUnreadable)).toEqual([legacy, sub, main, archived, rollout].sort())
  })

  it('honours CLAUDE_CONFIG_DIR (a comma-separated list) and CODEX_HOME', () => {
    const env = { CLAUDE_CONFIG_DIR: `${join(root, 'team-a')}, ${join(root, 'team-b')}`, CODEX_HOME: join(root, 'nowhere') }
    expect(findLogFiles(defaultLogFolders(env, home), failOnUnreadable)).toEqual([custom, other])
  })

  it('looks in $XDG_CONFIG_HOME/claude instead of ~/.config/claude when it is set', () => {
    const xdg = touch(join(root, 'xdg/claude/projects/-x/w.jsonl'))
    expect(findLogFiles(defaultLogFolders({ XDG_CONFIG_HOME: join(root, 'xdg') }, join(root, 'nobody')), failOnUnreadable)).toEqual([xdg])
  })

  it('takes any picked file or folder', () => {
    expect(findLogFiles([join(home, '.claude'), rollout], failOnUnreadable)).toEqual([rollout, sub, main].sort())
    expect(findLogFiles([join(home, '.claude/projects/-p/s')], failOnUnreadable)).toEqual([sub])
  })
})

it('the agents’ default log folders, and the environment variables that move them', () => {
  // Each other agent's store has a test of its own beside it (stores/*.test.ts).
  const claudeAndCodex = (env: Record<string, string>) => agentLogRoots(env, '/home/me').filter((root) => root.tool === 'claude-code' || root.tool === 'codex')
  expect(claudeAndCodex({})).toEqual([
    { tool: 'claude-code', path: join('/home/me', '.config', 'claude', 'projects') },
    { tool: 'claude-code', path: join('/home/me', '.claude', 'projects') },
    { tool: 'codex', path: join('/home/me', '.codex', 'sessions') },
    { tool: 'codex', path: join('/home/me', '.codex', 'archived_sessions') },
  ])
  expect(claudeAndCodex({ CLAUDE_CONFIG_DIR: '/a, /b', CODEX_HOME: '/c', XDG_CONFIG_HOME: '/x' })).toEqual([
    { tool: 'claude-code', path: join('/a', 'projects') },
    { tool: 'claude-code', path: join('/b', 'projects') },
    { tool: 'codex', path: join('/c', 'sessions') },
    { tool: 'codex', path: join('/c', 'archived_sessions') },
  ])
  expect(agentLogRoots({ XDG_CONFIG_HOME: '/x' }, '/home/me')[0]).toEqual({ tool: 'claude-code', path: join('/x', 'claude', 'projects') })
})
