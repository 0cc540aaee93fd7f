/**
 * Where coding agents keep their session logs on this machine, and what is there, for the
 * desktop app's "Scan this machine". Node only, nothing from Electron. The folders (and
 * database files) are the CLI's, one store per agent (`node/agentLogs/stores/`); this also
 * reports the ones that are not there, with counts, sizes and modification dates.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { agentLogRoots, type AgentLogRoot, type AgentTool } from '../../node/agentLogs/discover'
import { isSessionLogPath } from '../../shared/importers/logs/sessionLogFormats'
import type { AgentLogFolder } from '../preload/api'

export type { AgentLogRoot, AgentTool }

export interface FoundLogFile {
  tool: AgentTool
  path: string
  /** `<root folder name>/<path inside it>`, e.g. `projects/-home-me-repo/<session>.jsonl`. */
  relativePath: string
  size: number
  modified: number
}

/** Lists every session file under each root, or the root itself when it is a database file (a folder reached twice through a link counts once). */
export async function discoverAgentLogs(roots: readonly AgentLogRoot[] = agentLogRoots()): Promise<{ folders: AgentLogFolder[]; files: FoundLogFile[] }> {
  const folders: AgentLogFolder[] = []
  const files: FoundLogFile[] = []
  const seenRoots = new Set<string>()
  for (const root of roots) {
    const summary: AgentLogFolder = { tool: root.tool, path: root.path, exists: false, files: 0, bytes: 0, firstModified: null, lastModified: null }
    folders.push(summary)
    let real: string
    let isFolder: boolean
    try {
      const info = await stat(root.path)
      if (!info.isDirectory() && !info.isFile()) continue
      isFolder = info.isDirectory()
      real = await realpath(root.path)
    } catch {
      continue
    }
    summary.exists = true
    if (seenRoots.has(real)) continue
    seenRoots.add(real)
    let first = Infinity
    let last = -Infinity
    for (const path of isFolder ? await listSessionFiles(root.path) : [root.path]) {
      let info
      try {
        info = await stat(path)
      } catch {
        continue
      }
      if (!info.isFile()) continue
      const relativePath = isFolder ? join(basename(root.path), relative(root.path, path)) : basename(path)
      files.push({ tool: root.tool, path, relativePath: relativePath.split('\\').join('/'), size: info.size, modified: info.mtimeMs })
      summary.files++
      summary.bytes += info.size
      first = Math.min(first, info.mtimeMs)
      last = Math.max(last, info.mtimeMs)
    }
    if (summary.files > 0) {
      summary.firstModified = new Date(first).toISOString()
      summary.lastModified = new Date(last).toISOString()
    }
  }
  return { folders, files }
}

async function listSessionFiles(folder: string, depth = 0): Promise<string[]> {
  if (depth > 8) return []
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return []
  }
  const out: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) out.push(...(await listSessionFiles(path, depth + 1)))
    else if (entry.isFile() && isSessionLogPath(path)) out.push(path)
  }
  return out
}
