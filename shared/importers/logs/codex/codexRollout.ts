import { byteMarker, hasMarker } from '../../lines/byteMarker'
import { parseJsonLine, writtenCompactly } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import { isObject, text, type JsonObject } from '../jsonFields'
import { fileStem } from '../claudeCode/claudeSessionId'
import { repoNameFromRemote } from '../sessionNames'
import type { AgentSession } from '../agentSession'
import type { SessionLogFormat } from '../sessionLogFormat'
import { TimeSpan, parseTime, type SessionStep } from '../sessionTrack'
import { markedLines } from '../markedLines'
import type { LogIssue, LogLineReader } from '../types'
import type { UsageRecord } from '../usageRecord'
import { codexToolCall } from './codexToolCall'
import { isImplausible } from '../tokenCounts'
import { CumulativeUsage, readTotals } from './cumulativeUsage'

// Codex writes `{"timestamp":…,"type":…,"payload":{"type":…` (serde field order), so the record
// kinds worth parsing are recognisable in the first bytes of a line.
const HEAD_BYTES = 256
const WANTED = ['"session_meta"', '"turn_context"', '"token_count"', '"function_call"', '"custom_tool_call"', '"local_shell_call"', '"web_search_call"'].map(byteMarker)
const TOOL_CALLS = new Set(['function_call', 'custom_tool_call', 'local_shell_call', 'web_search_call'])
/** The model ccusage assumes for early rollouts without `turn_context` (Sept 2025). */
const FALLBACK_MODEL = 'gpt-5'

/** What one rollout says: its session (the remote is the one its git metadata records). */
export type CodexRollout = AgentSession

/** Codex CLI rollouts: `rollout-*.jsonl` under sessions/ and archived_sessions/, or any JSONL whose lines carry a `payload`. */
export const codexRolloutFormat: SessionLogFormat = {
  tool: 'codex',
  wantsPath: (path) => /\.jsonl$/i.test(path),
  claims: isCodexRollout,
  reader: (path, labeller, warn, done) => codexRolloutReader(path, labeller, warn, (rollout) => done([rollout])),
}

// A Codex rollout line has a `payload`; a Claude Code transcript line never does.
const CODEX_PAYLOAD = byteMarker('"payload":{')
const FORMAT_HEAD_BYTES = 256

function isCodexRollout(path: string, line: Uint8Array): boolean {
  const name = path.split(/[\\/]/).pop() ?? ''
  if (/^rollout-.*\.jsonl$/i.test(name)) return true
  if (writtenCompactly(line, 0, line.length)) return hasMarker(line, CODEX_PAYLOAD, 0, Math.min(line.length, FORMAT_HEAD_BYTES))
  // Re-saved with spaces, the marker cannot match: the line is parsed instead.
  try {
    const record = parseJsonLine(line, 0, line.length)
    return isObject(record) && isObject(record.payload)
  } catch {
    return false
  }
}

/**
 * Reads one Codex CLI rollout. Usage comes only from `token_count` events, as positive deltas
 * of the cumulative `total_token_usage` (see CumulativeUsage): re-emitted and stale snapshots and
 * `info:null` events add nothing. A forked or subagent rollout starts by replaying its parent's
 * history, re-stamped within the second it was created; that burst only sets the baseline.
 */
export function codexRolloutReader(path: string, labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (rollout: CodexRollout) => void): LogLineReader {
  let meta: JsonObject | null = null
  let replaySecond: number | null = null
  let model: string | null = null
  const counter = new CumulativeUsage()
  let cwd: string | null = null
  const usage: UsageRecord[] = []
  const steps: SessionStep[] = []
  const span = new TimeSpan()

  const handle = (record: JsonObject, lineNumber: number) => {
    const time = parseTime(record.timestamp)
    const payload = isObject(record.payload) ? record.payload : null
    if (!payload) return
    if (record.type === 'session_meta') counter.newRecord()
    if (record.type === 'session_meta' && meta === null) {
      meta = payload
      cwd ??= text(payload.cwd)
      const source = payload.source
      const child = text(payload.forked_from_id) || text(payload.parent_thread_id) || (isObject(source) && isObject(source.subagent))
      if (child && Number.isFinite(time)) replaySecond = Math.floor(time / 1000)
    }
    const replayed = replaySecond !== null && Math.floor(time / 1000) === replaySecond
    span.seeTime(time)
    if (record.type === 'turn_context') {
      model = text(payload.model) ?? model
      cwd ??= text(payload.cwd)
    } else if (record.type === 'event_msg' && payload.type === 'token_count') {
      const totals = isObject(payload.info) && isObject(payload.info.total_token_usage) ? readTotals(payload.info.total_token_usage) : null
      if (!totals) return
      if (isImplausible(totals)) return warn({ path, line: lineNumber, message: `${totals.implausible}; line not counted` })
      const delta = counter.advance(totals)
      if (replayed || !delta) return
      usage.push({
        sessionId: '',
        model: model ?? FALLBACK_MODEL,
        time,
        tokens: {
          input: Math.max(0, delta.input - delta.cached),
          output: delta.output,
          cacheWrite5m: 0,
          cacheWrite1h: 0,
          cacheRead: delta.cached,
          reasoning: delta.reasoning,
        },
        key: null,
      })
    } else if (record.type === 'response_item' && TOOL_CALLS.has(payload.type as string) && !replayed) {
      const toolCall = codexToolCall(payload)
      const call = toolCall && labeller.reduce(toolCall, model ?? FALLBACK_MODEL)
      const label = call && labeller.labelCall(call)
      if (label) steps.push({ time, label, key: text(payload.call_id) ?? text(payload.id), call })
    }
  }

  return {
    line: markedLines({ path, warn, wanted: WANTED, headBytes: HEAD_BYTES, span, timestampLast: false, handle }),
    finish() {
      const info = meta as JsonObject | null
      const id = text(info?.id) ?? rolloutIdFromName(path)
      const git = isObject(info?.git) ? info.git : null
      const remote = text(git?.repository_url)
      done({
        tool: 'codex',
        id,
        parentId: null,
        cwd,
        remoteRepo: remote ? repoNameFromRemote(remote) : null,
        branch: text(git?.branch),
        provider: text(info?.model_provider) ?? 'openai',
        times: span.times(),
        steps,
        usage: usage.map((record) => ({ ...record, sessionId: id })),
      })
    },
  }
}

const ROLLOUT_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

function rolloutIdFromName(path: string): string {
  const stem = fileStem(path)
  return ROLLOUT_ID.exec(stem)?.[1] ?? stem
}
