import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'

/** Codex CLI: `<CODEX_HOME or ~/.codex>/sessions/**.jsonl` and `archived_sessions/` (not history.jsonl). */
export const codexStore: AgentStore = {
  tool: 'codex',
  locations(env, home) {
    const codexHome = resolve(env.CODEX_HOME?.trim() || join(home, '.codex'))
    return [join(codexHome, 'sessions'), join(codexHome, 'archived_sessions')]
  },
}
