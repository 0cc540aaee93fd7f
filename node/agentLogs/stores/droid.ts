import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'
import { envList } from './envList'

/**
 * Factory Droid: `~/.factory/sessions/<sanitised cwd>/<session>.jsonl` and `.settings.json`, or
 * the folders in DROID_SESSIONS_DIR (a comma-separated list, as ccusage reads it).
 */
export const droidStore: AgentStore = {
  tool: 'droid',
  locations(env, home) {
    const dirs = envList(env.DROID_SESSIONS_DIR)
    return (dirs.length ? dirs : [join(home, '.factory', 'sessions')]).map((dir) => resolve(dir))
  },
}
