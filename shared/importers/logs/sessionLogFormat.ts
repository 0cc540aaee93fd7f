import type { StepLabeller } from '../../steps/labelStep'
import type { AgentSession } from './agentSession'
import type { AgentTool } from './agentTools'
import type { LogIssue, LogLineReader } from './types'

/**
 * One agent's session log format, as the import reads it. Every reader plugs in here (see
 * sessionLogFormats.ts); detection, folder walks, the CLI, the app's worker and the desktop
 * scan all go through the registry, so a new agent is one folder and one line there.
 */
export interface SessionLogFormat {
  tool: AgentTool
  /**
   * Whether a file at this path may hold this agent's sessions, before anything is read: what
   * a folder import picks up (`/` separators; the path may be relative to the picked folder,
   * and the file may have been copied out of the agent's store, so match names, not homes).
   */
  wantsPath(path: string): boolean
  /** Whether a file is this agent's, from its path and first line (a SQLite store's first line is its sqliteStoreHeader). */
  claims(path: string, firstLine: Uint8Array): boolean
  /**
   * Reads one file line by line (a whole-JSON file arrives as its lines too); `done` gets the
   * file's sessions once, at finish, and the places it names (a file that only says where a
   * project lives gives places and no session).
   */
  reader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[], places?: readonly SessionPlace[]) => void): LogLineReader
  /** For an agent that keeps sessions in a SQLite database: how the Node side turns it into lines. */
  sqlite?: SqliteStoreSpec
}

/**
 * Where an agent's project lives, learned from a file kept apart from its sessions (Gemini CLI
 * records a project's hash in each session and its folder in `.project_root`): a session of
 * the same tool with this `placeKey` and no folder of its own ran in `cwd`.
 */
export interface SessionPlace {
  tool: AgentTool
  key: string
  cwd: string
}

/**
 * A SQLite store read without writing to it: the platform side (node/agentLogs/sqliteStore.ts)
 * opens the database read-only, asks each format's spec whether its tables are this agent's,
 * runs `queries` and hands the reader a line stream: first `sqliteStoreHeader(tool)`, then one
 * `{"query":name,"row":{column:value}}` line per row in query order. The browser cannot read a
 * SQLite file, so these stores come in through the desktop app or the command line.
 */
export interface SqliteStoreSpec {
  /**
   * Whether a database with these tables (names as in sqlite_master) is this agent's store;
   * `path` (`/` separators) tells apart agents that share a schema (OpenCode and its fork Kilo).
   */
  matches(tables: readonly string[], path?: string): boolean
  /** Run in order; a query whose table is missing in an older store version may be skipped (`optional`). */
  queries: readonly { name: string; sql: string; optional?: boolean }[]
}

export const SQLITE_STORE_KEY = 'workfolioSqliteStore'

/** The first line of a SQLite store's line stream. */
export function sqliteStoreHeader(tool: AgentTool): string {
  return JSON.stringify({ [SQLITE_STORE_KEY]: tool })
}

/** SQLite files start with these 16 bytes. */
export const SQLITE_MAGIC = 'SQLite format 3\u0000'

export function isSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_MAGIC.length) return false
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false
  return true
}
