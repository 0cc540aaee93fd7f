/**
 * Where coding agents keep their session logs on this machine, and what is there, for the
 * desktop app's "Scan this machine". Node only, nothing from Electron. The CLI has its own
 * `cli/agentLogs/discover.ts` (same folders, existing ones only); this one also reports the
 * folders it looked in that are not there, with counts, sizes and modification dates.
 *
 * Claude Code: every folder in CLAUDE_CONFIG_DIR (comma-separated) + /projects, otherwise
 * ~/.claude/projects and ~/.config/claude/projects (XDG_CONFIG_HOME respected).
 * Codex: CODEX_HOME (default ~/.codex) + /sessions and /archived_sessions.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, join, relative } from 'node:path'

export type AgentTool = 'claude-code' | 'codex'

export interface AgentLogRoot {
  tool: AgentTool
  path: string
}

export interface FoundLogFile {
  tool: AgentTool
  path: string
  /** `<root folder name>/<path inside it>`, e.g. `projects/-home-me-repo/<session>.jsonl`. */
  relativePath: string
  size: number
  modified: number
}

export interface AgentLogFolderSummary {
  tool: AgentTool
  path: string
  exists: boolean
  files: number
  bytes: number
  firstModified: string | null
  lastModified: string | null
}

export function agentLogRoots(env: Record<string, string | undefined> = process.env, home: string = homedir()): AgentLogRoot[] {
  const roots: AgentLogRoot[] = []
  const claudeDirs = (env.CLAUDE_CONFIG_DIR ?? '')
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean)
  if (claudeDirs.length > 0) {
    for (const dir of claudeDirs) roots.push({ tool: 'claude-code', path: join(dir, 'projects') })
  } else {
    // The same order as cli/agentLogs/discover.ts (and ccusage): the XDG folder first.
    roots.push({ tool: 'claude-code', path: join(env.XDG_CONFIG_HOME || join(home, '.config'), 'claude', 'projects') })
    roots.push({ tool: 'claude-code', path: join(home, '.claude', 'projects') })
  }
  const codexHome = env.CODEX_HOME?.trim() || join(home, '.codex')
  roots.push({ tool: 'codex', path: join(codexHome, 'sessions') })
  roots.push({ tool: 'codex', path: join(codexHome, 'archived_sessions') })
  return roots
}

/** Lists every .jsonl under each root (a folder reached twice through a link counts once). */
export async function discoverAgentLogs(roots: readonly AgentLogRoot[] = agentLogRoots()): Promise<{ folders: AgentLogFolderSummary[]; files: FoundLogFile[] }> {
  const folders: AgentLogFolderSummary[] = []
  const files: FoundLogFile[] = []
  const seenRoots = new Set<string>()
  for (const root of roots) {
    const summary: AgentLogFolderSummary = { tool: root.tool, path: root.path, exists: false, files: 0, bytes: 0, firstModified: null, lastModified: null }
    folders.push(summary)
    let real: string
    try {
      if (!(await stat(root.path)).isDirectory()) continue
      real = await realpath(root.path)
    } catch {
      continue
    }
    summary.exists = true
    if (seenRoots.has(real)) continue
    seenRoots.add(real)
    let first = Infinity
    let last = -Infinity
    for (const path of await listJsonl(root.path)) {
      let info
      try {
        info = await stat(path)
      } catch {
        continue
      }
      if (!info.isFile()) continue
      files.push({ tool: root.tool, path, relativePath: join(basename(root.path), relative(root.path, path)).split('\\').join('/'), size: info.size, modified: info.mtimeMs })
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

async function listJsonl(folder: string, depth = 0): Promise<string[]> {
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
    if (entry.isDirectory()) out.push(...(await listJsonl(path, depth + 1)))
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.jsonl')) out.push(path)
  }
  return out
}
