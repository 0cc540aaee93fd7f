import { looksLikeJsonObject } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { fileStem } from '../claudeCode/claudeSessionId'
import { isObject, text, type JsonObject } from '../jsonFields'
import { providerOfModel } from '../modelProvider'
import type { SessionLogFormat } from '../sessionLogFormat'
import { TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts } from '../tokenCounts'
import { firstRecord, malformedLineMessage, parseLogLine, type LogIssue, type LogLineReader } from '../types'
import type { UsageRecord } from '../usageRecord'
import { qwenProvider } from './qwenProvider'
import { qwenToolCall } from './qwenToolCall'

/** What ccusage calls an assistant record without a model. */
const UNKNOWN_MODEL = 'unknown'
const USAGE_FIELDS = ['promptTokenCount', 'cachedContentTokenCount', 'candidatesTokenCount', 'thoughtsTokenCount', 'totalTokenCount'] as const

/**
 * Qwen Code chats: `<QWEN_RUNTIME_DIR or ~/.qwen>/projects/<sanitised cwd>/chats/<session>.jsonl`,
 * one ChatRecord a line. Its lines look like Claude Code's (uuid, parentUuid, sessionId, cwd), so
 * a copied-out file is told apart by what Claude's never have: a Gemini-style message
 * (`message.parts`), `usageMetadata` or a `systemPayload`.
 */
export const qwenChatFormat: SessionLogFormat = {
  tool: 'qwen-code',
  wantsPath: (path) => /\.jsonl$/i.test(path),
  claims: (path, firstLine) => QWEN_PATH.test(path) || isQwenRecord(firstLine),
  reader: qwenChatReader,
}

const QWEN_PATH = /(^|\/)(\.qwen\/.*\.jsonl|projects\/[^/]+\/chats\/[^/]+\.jsonl)$/i

function isQwenRecord(line: Uint8Array): boolean {
  const record = firstRecord(line)
  if (record === null || text(record.sessionId) === null) return false
  return (isObject(record.message) && Array.isArray(record.message.parts)) || isObject(record.usageMetadata) || isObject(record.systemPayload)
}

interface SessionDraft {
  id: string
  cwd: string | null
  branch: string | null
  parentId: string | null
  /** The `session_model` record's binding, when the session has one. */
  binding: JsonObject | null
  span: TimeSpan
  steps: SessionStep[]
  usage: UsageRecord[]
}

/**
 * Reads one Qwen Code chat file into its sessions (one, unless records of several sessions were
 * written to it). Usage comes from assistant records' `usageMetadata` (Gemini semantics: the
 * prompt count includes its cached part); a record written twice (same uuid) counts once, and
 * the records a `/branch` copied from the session it branched from (`forkedFrom`) count in that
 * session only. Inline subagent records (`isSidechain`) are the session's own requests.
 */
export function qwenChatReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  const sessions = new Map<string, SessionDraft>()
  const seenRecords = new Set<string>()
  const fallbackId = fileStem(path)

  const sessionOf = (record: JsonObject): SessionDraft => {
    const id = text(record.sessionId) ?? fallbackId
    let draft = sessions.get(id)
    if (!draft) sessions.set(id, (draft = { id, cwd: null, branch: null, parentId: null, binding: null, span: new TimeSpan(), steps: [], usage: [] }))
    return draft
  }

  const handle = (record: JsonObject, lineNumber: number) => {
    if (isObject(record.forkedFrom)) return
    const uuid = text(record.uuid)
    if (uuid !== null) {
      if (seenRecords.has(uuid)) return
      seenRecords.add(uuid)
    }
    const session = sessionOf(record)
    const time = parseTime(record.timestamp)
    session.span.seeTime(time)
    session.cwd ??= text(record.cwd)
    session.branch ??= text(record.gitBranch)
    const payload = isObject(record.systemPayload) ? record.systemPayload : null
    if (record.type === 'system' && payload) {
      if (record.subtype === 'parent_session') session.parentId ??= text(payload.parentSessionId)
      if (record.subtype === 'session_model') session.binding = payload
      return
    }
    if (record.type !== 'assistant') return
    const model = text(record.model) ?? UNKNOWN_MODEL
    const parts = isObject(record.message) && Array.isArray(record.message.parts) ? record.message.parts : []
    for (const part of parts) {
      const functionCall = isObject(part) && isObject(part.functionCall) ? part.functionCall : null
      const toolCall = functionCall && qwenToolCall(functionCall)
      const call = toolCall && labeller.reduce(toolCall, model)
      const label = call && labeller.labelCall(call)
      if (functionCall && call && label) session.steps.push({ time, label, key: text(functionCall.id), call })
    }
    if (!isObject(record.usageMetadata)) return
    const counts = readTokenCounts(record.usageMetadata, USAGE_FIELDS, MAX_REQUEST_TOKENS)
    if (isImplausible(counts)) return warn({ path, line: lineNumber, message: `${counts.implausible}; line not counted` })
    const tokens = requestTokens(counts)
    if (tokens) session.usage.push({ sessionId: session.id, model, time, tokens, key: uuid })
  }

  return {
    line(bytes, lineNumber, terminated) {
      if (!looksLikeJsonObject(bytes, 0, bytes.length)) return warn({ path, line: lineNumber, message: malformedLineMessage(terminated) })
      const record = parseLogLine(bytes, path, lineNumber, terminated, warn)
      if (record) handle(record, lineNumber)
    },
    finish() {
      done(
        [...sessions.values()].map((draft) => ({
          tool: 'qwen-code',
          id: draft.id,
          parentId: draft.parentId,
          cwd: draft.cwd,
          remoteRepo: null,
          branch: draft.branch,
          provider: qwenProvider(draft.binding) ?? providerOfModel(draft.usage[0]?.model ?? '') ?? 'alibaba',
          times: draft.span.times(),
          steps: draft.steps,
          usage: draft.usage,
        })),
      )
    },
  }
}

type UsageCounts = Record<(typeof USAGE_FIELDS)[number], number>

/**
 * One request's tokens. Gemini's usage metadata counts the cached part inside the prompt, and
 * thoughts beside the candidates; a total above the parts (a record with only `totalTokenCount`)
 * is output, as ccusage reads it. Null when the record counts nothing.
 */
function requestTokens(counts: UsageCounts): UsageRecord['tokens'] | null {
  const { promptTokenCount: prompt, cachedContentTokenCount: cached, candidatesTokenCount: candidates, thoughtsTokenCount: thoughts } = counts
  const input = Math.max(0, prompt - cached)
  const unaccounted = Math.max(0, counts.totalTokenCount - (input + cached + candidates + thoughts))
  const output = candidates + thoughts + unaccounted
  if (input + cached + output === 0) return null
  return { input, output, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: cached, reasoning: thoughts }
}
