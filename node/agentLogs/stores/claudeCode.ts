import { join, resolve } from 'node:path'
import type { AgentStore } from '../agentStore'

/**
 * Claude Code: `<config>/projects/**.jsonl` for each config dir in CLAUDE_CONFIG_DIR (a
 * comma-separated list), else $XDG_CONFIG_HOME/claude (~/.config/claude) and ~/.claude.
 */
export const claudeCodeStore: AgentStore = {
  tool: 'claude-code',
  locations(env, home) {
    const roots = env.CLAUDE_CONFIG_DIR?.trim()
      ? env.CLAUDE_CONFIG_DIR.split(',').map((dir) => dir.trim()).filter(Boolean)
      : [join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'claude'), join(home, '.claude')]
    return roots.map((root) => join(resolve(root), 'projects'))
  },
}
