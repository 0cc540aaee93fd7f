import { decodeLine } from '../../lines/jsonLine'
import type { StepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { isObject, text, type JsonObject } from '../jsonFields'
import type { SessionLogFormat } from '../sessionLogFormat'
import { parseTime } from '../sessionTrack'
import { isImplausible, MAX_THREAD_TOKENS, readTokenCounts } from '../tokenCounts'
import type { LogIssue, LogLineReader } from '../types'
import type { UsageRecord } from '../usageRecord'
import { droidModelId, droidProvider } from './droidModel'

const USAGE_FIELDS = ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens', 'thinkingTokens', 'totalTokens'] as const
const SETTINGS_SUFFIX = /\.settings\.json$/i
const UUID_SETTINGS = /(^|\/)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.settings\.json$/i

/**
 * Factory Droid session settings, `<session>.settings.json` beside the session's transcript:
 * the model and provider the session was locked to and `tokenUsage`, the session's running
 * totals, which Droid rewrites in place. They are the only token counts Droid keeps (the
 * transcript has none), so a session's usage is one record: its totals.
 */
export const droidSettingsFormat: SessionLogFormat = {
  tool: 'droid',
  // A session's settings: named by its id, or any `*.settings.json` in a sessions folder.
  wantsPath: (path) => UUID_SETTINGS.test(path) || (SETTINGS_SUFFIX.test(path) && /(^|\/)sessions\//i.test(path)),
  claims: (path) => SETTINGS_SUFFIX.test(path),
  reader: droidSettingsReader,
}

export function droidSessionId(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(SETTINGS_SUFFIX, '').replace(/\.jsonl$/i, '')
}

/** Reads one settings file (a whole JSON document: its lines are gathered and parsed at the end). */
export function droidSettingsReader(path: string, _labeller: StepLabeller, warn: (issue: LogIssue) => void, done: (sessions: AgentSession[]) => void): LogLineReader {
  const lines: string[] = []
  let lastTerminated = true
  return {
    line(bytes, _lineNumber, terminated) {
      lines.push(decodeLine(bytes, 0, bytes.length))
      lastTerminated = terminated
    },
    finish() {
      const settings = parseSettings(lines, path, lastTerminated, warn)
      const session = settings && settingsSession(settings, path, lines, warn)
      done(session ? [session] : [])
    },
  }
}

function parseSettings(lines: string[], path: string, lastTerminated: boolean, warn: (issue: LogIssue) => void): JsonObject | null {
  const document = lines.join('\n')
  if (document.trim() === '') return null
  try {
    const value: unknown = JSON.parse(document)
    if (isObject(value)) return value
    warn({ path, line: 1, message: 'not a JSON object; file skipped' })
  } catch (error) {
    const reason = (error as Error).message
    const position = /position (\d+)/.exec(reason)?.[1]
    const endedEarly = /end of (JSON|data)/i.test(reason) || Number(position) >= document.length
    const line = endedEarly ? lines.length : lineAt(lines, position)
    const cut = endedEarly && !lastTerminated
    warn({ path, line, message: cut ? 'truncated JSON (the file was being written); file skipped' : 'not valid JSON; file skipped' })
  }
  return null
}

/** The 1-based line holding character `position` of the joined document; 0 (the file) when the parser did not say. */
function lineAt(lines: string[], position: string | undefined): number {
  if (position === undefined) return 0
  let remaining = Number(position)
  for (let i = 0; i < lines.length; i++) {
    remaining -= lines[i].length + 1
    if (remaining < 0) return i + 1
  }
  return lines.length
}

function settingsSession(settings: JsonObject, path: string, lines: string[], warn: (issue: LogIssue) => void): AgentSession | null {
  if (!isObject(settings.tokenUsage)) return null
  const counts = readTokenCounts(settings.tokenUsage, USAGE_FIELDS, MAX_THREAD_TOKENS)
  if (isImplausible(counts)) {
    const line = lines.findIndex((text) => text.includes('"tokenUsage"')) + 1 || 1
    warn({ path, line, message: `${counts.implausible}; session not counted` })
    return null
  }
  const id = droidSessionId(path)
  const recorded = text(settings.model)
  const model = recorded ? droidModelId(recorded) : 'unknown'
  const time = parseTime(settings.providerLockTimestamp)
  const tokens = sessionTokens(counts)
  const usage: UsageRecord[] = tokens ? [{ sessionId: id, model, time, tokens, key: `droid-settings:${id}`, sessionTotal: true }] : []
  return { tool: 'droid', id, parentId: null, cwd: null, remoteRepo: null, branch: null, provider: droidProvider(settings, model), times: [time], steps: [], usage }
}

type UsageCounts = Record<(typeof USAGE_FIELDS)[number], number>

/**
 * The session's tokens. Thinking tokens are counted beside the output (as ccusage does: Droid
 * keeps them apart) and billed as output; a `totalTokens` above the parts is output too.
 */
function sessionTokens(counts: UsageCounts): UsageRecord['tokens'] | null {
  const { inputTokens: input, outputTokens, cacheCreationTokens: cacheWrite, cacheReadTokens: cacheRead, thinkingTokens: thinking } = counts
  const parts = input + outputTokens + cacheWrite + cacheRead + thinking
  const output = outputTokens + thinking + Math.max(0, counts.totalTokens - parts)
  if (input + output + cacheWrite + cacheRead === 0) return null
  return { input, output, cacheWrite5m: cacheWrite, cacheWrite1h: 0, cacheRead, reasoning: thinking }
}
