import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'
import { envList } from './envList'

/**
 * Qwen Code: `<root>/projects/<sanitised cwd>/chats/*.jsonl`. The roots are QWEN_DATA_DIR (a
 * comma-separated list, as ccusage reads it) when set; else where Qwen Code writes,
 * QWEN_RUNTIME_DIR, and ~/.qwen, its default and where sessions from before the variable stay.
 */
export const qwenCodeStore: AgentStore = {
  tool: 'qwen-code',
  locations(env, home) {
    const dataDirs = envList(env.QWEN_DATA_DIR)
    const roots = dataDirs.length ? dataDirs : [...envList(env.QWEN_RUNTIME_DIR), join(home, '.qwen')]
    return [...new Set(roots.map((root) => join(resolve(root), 'projects')))]
  },
}
