import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { isObject, text, type JsonObject } from '../jsonFields'
import { sqliteStoreHeader, type SessionLogFormat } from '../sessionLogFormat'
import type { SessionStep } from '../sessionTrack'
import { parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { gooseSessionTokens, gooseTime } from './gooseSessionUsage'
import { gooseToolCall } from './gooseToolCall'

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
  line: number
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
      sessions.set(id, { row, line, times: [gooseTime(row.created_at), gooseTime(row.updated_at)], steps: [] })
    } else if (query === 'span') {
      parts(id)?.times.push(gooseTime(row.first), gooseTime(row.last))
    } else if (query === 'toolCalls') {
      const session = parts(id)
      if (session) session.steps.push(...toolSteps(row, modelOf(session.row), labeller))
    }
  }

  return {
    line(bytes, lineNumber, terminated) {
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record && isObject(record.row)) handle(record.query, record.row, lineNumber)
    },
    finish() {
      done([...sessions.entries()].map(([id, session]) => gooseSession(id, session, path, warn)))
    },
  }
}

function gooseSession(id: string, { row, line, times, steps }: GooseSessionParts, path: string, warn: (issue: LogIssue) => void): AgentSession {
  const tokens = gooseSessionTokens(row)
  if (tokens && 'implausible' in tokens) {
    warn({ path, line, message: `session ${id}: ${tokens.implausible}; its tokens are not counted` })
  }
  const model = modelOf(row)
  const time = gooseTime(row.created_at)
  const usage = tokens && !('implausible' in tokens) ? [{ sessionId: id, model: model ?? UNKNOWN_MODEL, time, tokens, key: `goose:${id}` }] : []
  return { tool: 'goose', id, provider: providerOf(text(row.provider_name), model), cwd: text(row.working_dir), remoteRepo: null, branch: null, times, steps, usage, parentId: null }
}

/**
 * A session Goose imported from its older session files has no model recorded: its tokens are
 * still counted (ccusage leaves such sessions out), under a model no price matches.
 */
const UNKNOWN_MODEL = 'unknown'

/** `model_config_json`: `{"model_name":"claude-sonnet-4-20250514","context_limit":…}`. */
function modelOf(row: JsonObject): string | null {
  const config = parseJson(row.model_config_json)
  return isObject(config) ? (text(config.model_name)?.trim() || null) : null
}

/** The provider Goose was set to (`anthropic`, `openai`, `databricks`…), else the model's maker. */
function providerOf(provider: string | null, model: string | null): string {
  if (provider?.trim()) return provider.trim()
  if (model?.startsWith('claude-')) return 'anthropic'
  if (model && /^(gpt-|chatgpt-|o\d)/.test(model)) return 'openai'
  if (model?.startsWith('gemini-')) return 'google'
  return 'goose'
}

/** The tool requests of one assistant message (`content_json`: Goose's MessageContent list). */
function toolSteps(row: JsonObject, model: string | null, labeller: StepLabeller): SessionStep[] {
  const content = parseJson(row.content_json)
  if (!Array.isArray(content)) return []
  const time = gooseTime(row.created_timestamp)
  const steps: SessionStep[] = []
  for (const item of content) {
    if (!isObject(item) || item.type !== 'toolRequest') continue
    const toolCall = gooseToolCall(item)
    const call = toolCall && labeller.reduce(toolCall, model ?? undefined)
    const label = call && labeller.labelCall(call)
    if (label) steps.push({ time, label, key: text(item.id), call })
  }
  return steps
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}
