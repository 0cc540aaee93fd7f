import { existsSync, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { SESSION_ENTRY_NAMES, type AgentTool } from '../../shared/importers/logs/agentTools'
import { isSessionLogPath } from '../../shared/importers/logs/sessionLogFormats'
import { type FolderListings, filesInFolder, type FolderWalk } from '../filesInFolder'
import type { Environment } from './agentStore'
import { AGENT_STORES } from './agentStores'

export type { AgentTool }

export interface AgentLogRoot {
  tool: AgentTool
  /** A session folder, or a database file. */
  path: string
}

/** Where every agent keeps its sessions on this machine (node/agentLogs/stores/); the desktop app's "Scan this machine" looks there. */
export function agentLogRoots(env: Environment = process.env, home = homedir()): AgentLogRoot[] {
  return AGENT_STORES.flatMap((store) => store.locations(env, home).map((path): AgentLogRoot => ({ tool: store.tool, path })))
}

/** The default session folders and databases that exist. */
export function defaultLogFolders(env: Environment = process.env, home = homedir()): string[] {
  return agentLogRoots(env, home)
    .map((root) => root.path)
    .filter(existsSync)
}

/**
 * The session logs in what the user picked: a file is itself; an agent's data folder
 * (~/.claude, ~/.codex, …) means the session folders and stores inside it (AGENT_SESSION_ENTRIES);
 * any other folder is searched whole for files a format wants. Sorted, each path once.
 * `listings`: folders already listed by other walks (FolderListings).
 */
export function findLogFiles(picked: readonly string[], unreadable: FolderWalk['unreadable'], listings?: FolderListings): string[] {
  const found = new Set<string>()
  const walk: FolderWalk = { wanted: isSessionLogPath, skipHidden: false, unreadable, listings }
  for (const path of picked.map((p) => resolve(p))) {
    if (!isDirectory(path)) {
      found.add(path)
      continue
    }
    const entries = [...SESSION_ENTRY_NAMES].map((name) => join(path, name)).filter(existsSync)
    // A data folder's other stores a format names (a channel build's opencode-<channel>.db).
    if (entries.length) entries.push(...otherStores(path, unreadable))
    for (const entry of [...new Set(entries.length ? entries : [path])]) {
      if (!isDirectory(entry)) found.add(entry)
      else for (const file of filesInFolder(entry, walk)) found.add(file)
    }
  }
  return [...found].sort()
}

function otherStores(folder: string, unreadable: FolderWalk['unreadable']): string[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch (error) {
    unreadable(folder, error)
    return []
  }
  return names.filter((name) => /\.db$/i.test(name) && isSessionLogPath(name)).map((name) => join(folder, name))
}

function isDirectory(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory()
  } catch {
    return false
  }
}
