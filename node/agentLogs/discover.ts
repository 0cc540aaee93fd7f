import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { AgentTool } from '../../shared/importers/logs/types'
import { filesInFolder, type FolderWalk } from '../filesInFolder'

export type { AgentTool }

export interface AgentLogRoot {
  tool: AgentTool
  path: string
}

/**
 * Where coding-agent logs live on this machine, as Claude Code and Codex (and ccusage) find them:
 * - Claude Code: `<config>/projects/**.jsonl` for each config dir in CLAUDE_CONFIG_DIR (a
 *   comma-separated list), else $XDG_CONFIG_HOME/claude (~/.config/claude) and ~/.claude.
 * - Codex CLI: `<CODEX_HOME or ~/.codex>/sessions/**.jsonl` and `archived_sessions/`.
 * The desktop app's "Scan this machine" looks in the same folders.
 */
export function agentLogRoots(env: Record<string, string | undefined> = process.env, home = homedir()): AgentLogRoot[] {
  const claudeRoots = env.CLAUDE_CONFIG_DIR?.trim()
    ? env.CLAUDE_CONFIG_DIR.split(',').map((dir) => dir.trim()).filter(Boolean)
    : [join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'claude'), join(home, '.claude')]
  const codexHome = resolve(env.CODEX_HOME?.trim() || join(home, '.codex'))
  return [
    ...claudeRoots.map((root): AgentLogRoot => ({ tool: 'claude-code', path: join(resolve(root), 'projects') })),
    { tool: 'codex', path: join(codexHome, 'sessions') },
    { tool: 'codex', path: join(codexHome, 'archived_sessions') },
  ]
}

/** The default folders that exist. */
export function defaultLogFolders(env: Record<string, string | undefined> = process.env, home = homedir()): string[] {
  return agentLogRoots(env, home)
    .map((root) => root.path)
    .filter(isDirectory)
}

/**
 * The `.jsonl` logs in what the user picked: a file is itself; a Claude config dir means its
 * `projects/`, a Codex home its `sessions/` and `archived_sessions/` (not history.jsonl or
 * other state files); any other folder is searched whole. Sorted, each path once.
 */
export function findLogFiles(picked: readonly string[], unreadable: FolderWalk['unreadable']): string[] {
  const found = new Set<string>()
  const walk: FolderWalk = { wanted: (path) => path.endsWith('.jsonl'), skipHidden: false, unreadable }
  for (const path of picked.map((p) => resolve(p))) {
    if (!isDirectory(path)) {
      found.add(path)
      continue
    }
    const logDirs = ['projects', 'sessions', 'archived_sessions'].map((name) => join(path, name)).filter(isDirectory)
    for (const dir of logDirs.length ? logDirs : [path]) for (const file of filesInFolder(dir, walk)) found.add(file)
  }
  return [...found].sort()
}

/** Whether a picked path should go to the agent-log importer rather than a billing one. */
export function isAgentLogPath(path: string): boolean {
  return isDirectory(path) || /\.jsonl$/i.test(path)
}

function isDirectory(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory()
  } catch {
    return false
  }
}
