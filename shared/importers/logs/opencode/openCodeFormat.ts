import { decodeLine } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import type { AgentTool } from '../agentTools'
import { isObject, text, type JsonObject } from '../jsonFields'
import { sqliteStoreHeader, type SessionLogFormat, type SqliteStoreSpec } from '../sessionLogFormat'
import { parseLogLine, type LogIssue, type LogLineReader } from '../types'
import { fromFirstMessageShape } from './firstMessageShape'
import { OpenCodeSessions, type RecordPlace } from './openCodeSessions'
import { wholeJsonFileReader } from '../wholeJsonFile'

/**
 * The rows a session needs and no more: tool parts only, without their output, metadata or
 * the file contents an edit or write carries (a malformed row is passed whole, to be reported).
 */
const QUERIES: SqliteStoreSpec['queries'] = [
  { name: 'session', sql: 'SELECT id, parent_id, directory, time_created, time_updated FROM session' },
  { name: 'message', sql: 'SELECT id, session_id, data FROM message ORDER BY time_created, id' },
  {
    name: 'part',
    sql: `SELECT id, message_id, session_id, CASE WHEN json_valid(data) THEN json_remove(data, '$.state.output', '$.state.metadata', '$.state.attachments', '$.state.raw', '$.state.input.content', '$.state.input.oldString', '$.state.input.newString') ELSE data END AS data FROM part WHERE data LIKE '%"type":"tool"%'`,
  },
]
const TABLES = ['session', 'message', 'part']

/**
 * OpenCode keeps sessions in opencode.db (since 1.2; a channel build in opencode-<channel>.db);
 * before that, and still beside it after the migration copied them, as JSON files under
 * storage/: session/<project>/ses_*.json, message/<session>/msg_*.json, part/<message>/prt_*.json
 * (the first releases: session/info/ses_*.json and session/message/<session>/msg_*.json).
 * Kilo CLI, a fork of OpenCode, keeps the same tables in kilo.db. One reader serves both.
 */
export const openCodeFormat: SessionLogFormat = openCodeFamilyFormat('opencode', {
  database: /(^|\/)opencode(-[\w-]+)?\.db$/i,
  storage: /(^|\/)(session\/[^/]+\/ses_[^/]*|message\/ses_[^/]+\/msg_[^/]*|part\/(ses_[^/]+\/)?msg_[^/]+\/prt_[^/]*)\.json$/i,
})

export const kiloFormat: SessionLogFormat = openCodeFamilyFormat('kilo', { database: /(^|\/)kilo(-[\w-]+)?\.db$/i, storage: null })

function openCodeFamilyFormat(tool: AgentTool, names: { database: RegExp; storage: RegExp | null }): SessionLogFormat {
  const header = sqliteStoreHeader(tool)
  const isStorageFile = (path: string) => names.storage !== null && names.storage.test(path)
  return {
    tool,
    wantsPath: (path) => names.database.test(path) || isStorageFile(path),
    claims: (path, firstLine) => isLine(firstLine, header) || (isStorageFile(path) && firstLine[0] === 0x7b),
    reader: (path, labeller, warn, done) => openCodeReader(tool, path, labeller, warn, done),
    sqlite: {
      // Both agents have these tables: the file's name tells a Kilo store from OpenCode's.
      matches: (tables, path) => TABLES.every((table) => tables.includes(table)) && (path === undefined || names.database.test(path)),
      queries: QUERIES,
    },
  }
}

/** A store's row lines (sqliteStore.ts), or one JSON file of the storage/ folder read whole. */
function openCodeReader(tool: AgentTool, path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  const sessions = new OpenCodeSessions(tool, labeller, warn)
  let storeRows: boolean | null = null
  let storageFile: LogLineReader | null = null
  return {
    line(bytes, lineNumber, terminated) {
      storeRows ??= isLine(bytes, sqliteStoreHeader(tool))
      if (!storeRows) {
        storageFile ??= wholeJsonFileReader(path, warn, (data) => addStorageFile(sessions, path, data))
        storageFile.line(bytes, lineNumber, terminated)
      } else if (lineNumber > 1) {
        const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
        if (record) addRow(sessions, record, { path, line: lineNumber }, warn)
      }
    },
    finish() {
      storageFile?.finish()
      done(sessions.finish())
    },
  }
}

/** Whether a line is this text (a short one: a long first line is never decoded for it). */
function isLine(bytes: Uint8Array, line: string): boolean {
  return bytes.length <= line.length + 2 && decodeLine(bytes, 0, bytes.length).trim() === line
}

/** One `{"query","row"}` line of a store. */
function addRow(sessions: OpenCodeSessions, record: JsonObject, place: RecordPlace, warn: (issue: LogIssue) => void): void {
  const row = isObject(record.row) ? record.row : null
  const id = text(row?.id)
  if (!row || !id) return warn({ ...place, message: 'a row without an id; skipped' })
  if (record.query === 'session') {
    sessions.addSession(id, { parentId: text(row.parent_id), directory: text(row.directory), created: row.time_created, updated: row.time_updated })
    return
  }
  const sessionId = text(row.session_id)
  const data = parseData(row.data)
  if (!sessionId || !data) return warn({ ...place, message: `${String(record.query)} ${id}: its data is not a JSON object (the row may be half-written); skipped` })
  if (record.query === 'message') sessions.addMessage(id, sessionId, data, place)
  else if (record.query === 'part') sessions.addPart(id, text(row.message_id) ?? '', sessionId, data)
}

function parseData(value: unknown): JsonObject | null {
  if (typeof value !== 'string') return null
  try {
    const data: unknown = JSON.parse(value)
    return isObject(data) ? data : null
  } catch {
    return null
  }
}

/**
 * A file of the storage/ folder: a message carries its id and sessionID (else its file and
 * folder name them), a part its messageID and sessionID, a session its directory and parentID.
 */
function addStorageFile(sessions: OpenCodeSessions, path: string, data: JsonObject): void {
  const [folder, file] = path.split(/[\\/]/).slice(-2)
  const stem = file.replace(/\.json$/i, '')
  const id = text(data.id) ?? stem
  const first = typeof data.role === 'string' ? fromFirstMessageShape(data) : null
  if (first) {
    const sessionId = first.sessionId ?? folder
    sessions.addMessage(id, sessionId, first.info, { path, line: 1 })
    first.toolParts.forEach((part, index) => sessions.addPart(`${id}#${index}`, id, sessionId, part))
  } else if (typeof data.role === 'string') {
    sessions.addMessage(id, text(data.sessionID) ?? folder, data, { path, line: 1 })
  } else if (typeof data.type === 'string') {
    const sessionId = text(data.sessionID)
    if (sessionId) sessions.addPart(id, text(data.messageID) ?? folder, sessionId, data)
  } else if (id.startsWith('ses_')) {
    const time = isObject(data.time) ? data.time : {}
    sessions.addSession(id, { parentId: text(data.parentID), directory: text(data.directory), created: time.created, updated: time.updated })
  }
}
