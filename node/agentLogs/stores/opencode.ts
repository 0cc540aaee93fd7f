import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AgentStore, Environment } from '../agentStore'

/**
 * OpenCode: `<data>/opencode.db` (and a channel build's `opencode-<channel>.db`) plus the older
 * `<data>/storage/` JSON files, where <data> is each folder of OPENCODE_DATA_DIR (a
 * comma-separated list, as ccusage reads it), else $XDG_DATA_HOME/opencode (~/.local/share/opencode).
 */
export const openCodeStore: AgentStore = {
  tool: 'opencode',
  locations(env, home) {
    return dataFolders(env, home, 'OPENCODE_DATA_DIR', 'opencode').flatMap((folder) => [...databases(folder, 'opencode.db', /^opencode-[\w-]+\.db$/), join(folder, 'storage')])
  },
}

/** The agent's data folders: each one of `variable` (comma-separated), else its XDG data folder. */
export function dataFolders(env: Environment, home: string, variable: string, name: string): string[] {
  const listed = env[variable]?.split(',').map((dir) => dir.trim()).filter(Boolean) ?? []
  if (listed.length) return listed.map((dir) => resolve(dir))
  return [join(resolve(env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share')), name)]
}

/** The default database of a data folder (whether it exists or not) and the other databases there named like `others`. */
export function databases(folder: string, defaultName: string, others: RegExp): string[] {
  let names: string[] = []
  try {
    names = readdirSync(folder).filter((file) => others.test(file))
  } catch {
    // No folder yet: the default database is still where the agent would write it.
  }
  return [defaultName, ...names.sort()].map((file) => join(folder, file))
}
