import type { AgentTool } from '../../shared/importers/logs/agentTools'

export type Environment = Record<string, string | undefined>

/**
 * Where one agent keeps its sessions on a machine (as the agent and ccusage find them), for
 * "Scan this machine" and for a folder the user picks. What a file inside holds is the
 * format's business (shared/importers/logs/sessionLogFormats.ts).
 */
export interface AgentStore {
  tool: AgentTool
  /** The session folders (or database files) on this machine, whether they exist or not, honouring the agent's environment variables. */
  locations(env: Environment, home: string): string[]
}
