import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'

/**
 * Amp: `<data dir>/threads/T-*.json`, for each data dir in AMP_DATA_DIR (a comma-separated
 * list, as ccusage reads it), else Amp's own `$XDG_DATA_HOME/amp` (~/.local/share/amp).
 */
export const ampStore: AgentStore = {
  tool: 'amp',
  locations(env, home) {
    const roots = env.AMP_DATA_DIR?.trim()
      ? env.AMP_DATA_DIR.split(',').map((dir) => dir.trim()).filter(Boolean)
      : [join(env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share'), 'amp')]
    return roots.map((root) => join(resolve(root), 'threads'))
  },
}
