import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'

/** GitHub Copilot CLI: `<COPILOT_HOME or ~/.copilot>/session-state/<session id>/events.jsonl`. */
export const copilotCliStore: AgentStore = {
  tool: 'copilot-cli',
  locations(env, home) {
    return [join(resolve(env.COPILOT_HOME?.trim() || join(home, '.copilot')), 'session-state')]
  },
}
