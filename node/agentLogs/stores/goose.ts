import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'

/**
 * Goose: `<data dir>/sessions/` (sessions.db, and the session files of Goose before 1.10). With
 * GOOSE_PATH_ROOT set, the data dir is `$GOOSE_PATH_ROOT/data`, as Goose and ccusage read it;
 * else Goose's own `$XDG_DATA_HOME/goose` (~/.local/share/goose), macOS's Application Support
 * folder, and the `Block/goose` folder of some installs.
 */
export const gooseStore: AgentStore = {
  tool: 'goose',
  locations(env, home) {
    const root = env.GOOSE_PATH_ROOT?.trim()
    if (root) return [join(resolve(root), 'data', 'sessions')]
    const dataHome = env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share')
    const dataDirs = [join(dataHome, 'goose'), join(home, 'Library', 'Application Support', 'goose'), join(dataHome, 'Block', 'goose')]
    return dataDirs.map((dir) => join(resolve(dir), 'sessions'))
  },
}
