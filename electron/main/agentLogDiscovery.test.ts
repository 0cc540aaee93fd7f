import { join } from 'node:path'
import { expect, test } from 'vitest'
import { agentLogRoots } from './agentLogDiscovery'

test('the agents’ default log folders, and the environment variables that move them', () => {
  expect(agentLogRoots({}, '/home/me')).toEqual([
    { tool: 'claude-code', path: join('/home/me', '.config', 'claude', 'projects') },
    { tool: 'claude-code', path: join('/home/me', '.claude', 'projects') },
    { tool: 'codex', path: join('/home/me', '.codex', 'sessions') },
    { tool: 'codex', path: join('/home/me', '.codex', 'archived_sessions') },
  ])
  expect(agentLogRoots({ CLAUDE_CONFIG_DIR: '/a, /b', CODEX_HOME: '/c', XDG_CONFIG_HOME: '/x' }, '/home/me')).toEqual([
    { tool: 'claude-code', path: join('/a', 'projects') },
    { tool: 'claude-code', path: join('/b', 'projects') },
    { tool: 'codex', path: join('/c', 'sessions') },
    { tool: 'codex', path: join('/c', 'archived_sessions') },
  ])
  expect(agentLogRoots({ XDG_CONFIG_HOME: '/x' }, '/home/me')[0]).toEqual({ tool: 'claude-code', path: join('/x', 'claude', 'projects') })
})
