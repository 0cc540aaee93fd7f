import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'
import { envList } from './envList'

/**
 * Gemini CLI: `<home>/.gemini/tmp/<project>/chats/`, where home is GEMINI_CLI_HOME (Gemini CLI's
 * own override) or the user's; GEMINI_DATA_DIR (ccusage's: a comma-separated list of folders
 * holding the project folders, in place of `.gemini/tmp`) wins when set.
 */
export const geminiCliStore: AgentStore = {
  tool: 'gemini-cli',
  locations(env, home) {
    const dataDirs = envList(env.GEMINI_DATA_DIR)
    if (dataDirs.length) return dataDirs.map((dir) => resolve(dir))
    return [join(resolve(env.GEMINI_CLI_HOME?.trim() || home), '.gemini', 'tmp')]
  },
}
