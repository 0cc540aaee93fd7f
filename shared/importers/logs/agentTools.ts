/**
 * The coding agents whose session logs Workfolio reads: a run's `tool` is one of these ids,
 * and every view and report names the agent by its display name.
 */
export const AGENT_TOOL_NAMES = {
  'claude-code': 'Claude Code',
  codex: 'Codex',
  'copilot-cli': 'GitHub Copilot CLI',
  'gemini-cli': 'Gemini CLI',
  opencode: 'OpenCode',
  amp: 'Amp',
  'qwen-code': 'Qwen Code',
  goose: 'Goose',
  kilo: 'Kilo CLI',
  droid: 'Factory Droid',
} as const

export type AgentTool = keyof typeof AGENT_TOOL_NAMES

/** The agent's display name; an id no reader writes (a run from a newer version) as it is. */
export function agentToolName(tool: string): string {
  return (AGENT_TOOL_NAMES as Record<string, string>)[tool] ?? tool
}

/**
 * The folders (and database files) inside each agent's data folder that hold its sessions:
 * a picked data folder (~/.codex, ~/.gemini) is searched there only, so the other state kept
 * beside them (history.jsonl, settings, caches) is never taken for a session.
 */
export const AGENT_SESSION_ENTRIES: Record<AgentTool, readonly string[]> = {
  'claude-code': ['projects'],
  codex: ['sessions', 'archived_sessions'],
  'copilot-cli': ['session-state'],
  'gemini-cli': ['tmp'],
  opencode: ['opencode.db', 'storage'],
  amp: ['threads'],
  'qwen-code': ['projects'],
  goose: ['sessions'],
  kilo: ['kilo.db'],
  droid: ['sessions'],
}

/** Every name in AGENT_SESSION_ENTRIES, once. */
export const SESSION_ENTRY_NAMES: ReadonlySet<string> = new Set(Object.values(AGENT_SESSION_ENTRIES).flat())
