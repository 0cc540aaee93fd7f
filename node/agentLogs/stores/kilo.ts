import type { AgentStore } from '../agentStore'
import { dataFolders, databases } from './opencode'

/** Kilo CLI (a fork of OpenCode, the same tables): `kilo.db` in each folder of KILO_DATA_DIR (comma-separated), else $XDG_DATA_HOME/kilo (~/.local/share/kilo). */
export const kiloStore: AgentStore = {
  tool: 'kilo',
  locations: (env, home) => dataFolders(env, home, 'KILO_DATA_DIR', 'kilo').flatMap((folder) => databases(folder, 'kilo.db', /^kilo-[\w-]+\.db$/)),
}
