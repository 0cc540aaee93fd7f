import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { isObject, text, type JsonObject } from '../jsonFields'
import { sqliteStoreHeader, type SessionLogFormat } from '../sessionLogFormat'
import type { SessionStep } from '../sessionTrack'
import type { UsageRecord } from '../usageRecord'
import { parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { gooseProvider, gooseSessionUsage, gooseTime } from './gooseSessionUsage'
import { gooseToolSteps } from './gooseToolCall'

const HEADER = sqliteStoreHeader('goose')

/** Goose's SQLite store: `<data dir>/sessions/sessions.db` (Goose 1.10 and later). */
export const gooseStoreFormat: SessionLogFormat = {
  tool: 'goose',
  wantsPath: (path) => /(^|\/)sessions\.db$/i.test(path),
  claims: (_path, firstLine) => new TextDecoder().decode(firstLine) === HEADER,
  reader: gooseStoreReader,
  sqlite: {
    matches: (tables) => tables.includes('sessions') && tables.includes('messages'),
    queries: [
      // Every column: the store's schema grew over nine versions, and older ones lack some.
      { name: 'session', sql: 'SELECT * FROM sessions' },
      { name: 'span', sql: 'SELECT session_id, MIN(created_timestamp) AS first, MAX(created_timestamp) AS last FROM messages GROUP BY session_id', optional: true },
      // Only assistant messages that call tools: the rest (prompts, answers, tool output) is never needed.
      {
        name: 'toolCalls',
        sql: `SELECT session_id, content_json, created_timestamp FROM messages WHERE role = 'assistant' AND content_json LIKE '%"toolRequest"%' ORDER BY session_id, id`,
        optional: true,
      },
    ],
  },
}

interface GooseSessionParts {
  row: JsonObject
  usage: UsageRecord[]
  times: number[]
  steps: SessionStep[]
}

/**
 * Reads the row stream of a Goose store: one session per `sessions` row, with the session's
 * token totals as its one usage record (Goose keeps nothing per request), its working folder,
 * provider and model, and steps from the tool requests of its assistant messages. A subagent
 * Goose runs is a session of its own (no row names its parent), as ccusage counts it.
 */
export function gooseStoreReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  const sessions = new Map<string, GooseSessionParts>()
  const parts = (id: string) => sessions.get(id) ?? null

  const handle = (query: unknown, row: JsonObject, line: number) => {
    const id = text(query === 'session' ? row.id : row.session_id)
    if (!id) return warn({ path, line, message: `a ${String(query)} row without a session id; skipped` })
    if (query === 'session') {
      const usage = gooseSessionUsage({ id, totals: row, model: modelOf(row), time: gooseTime(row.created_at) }, { path, line }, warn)
      sessions.set(id, { row, usage, times: [gooseTime(row.created_at), gooseTime(row.updated_at)], steps: [] })
    } else if (query === 'span') {
      parts(id)?.times.push(gooseTime(row.first), gooseTime(row.last))
    } else if (query === 'toolCalls') {
      const session = parts(id)
      if (session) session.steps.push(...gooseToolSteps(parseJson(row.content_json), gooseTime(row.created_timestamp), modelOf(session.row), labeller))
    }
  }

  return {
    line(bytes, lineNumber, terminated) {
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record && isObject(record.row)) handle(record.query, record.row, lineNumber)
    },
    finish() {
      done([...sessions.entries()].map(([id, session]) => gooseSession(id, session)))
    },
  }
}

function gooseSession(id: string, { row, usage, times, steps }: GooseSessionParts): AgentSession {
  return { tool: 'goose', id, provider: gooseProvider(text(row.provider_name), modelOf(row)), cwd: text(row.working_dir), remoteRepo: null, branch: null, times, steps, usage, parentId: null }
}

/** `model_config_json`: `{"model_name":"claude-sonnet-4-20250514","context_limit":…}`. */
function modelOf(row: JsonObject): string | null {
  const config = parseJson(row.model_config_json)
  return isObject(config) ? (text(config.model_name)?.trim() || null) : null
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}
