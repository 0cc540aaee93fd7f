import type { TokenCounts } from '../../../records/common'
import type { JsonObject } from '../jsonFields'
import { parseTime } from '../sessionTrack'
import { MAX_THREAD_TOKENS } from '../tokenCounts'
import type { LogIssue } from '../types'
import type { UsageRecord } from '../usageRecord'

/**
 * A session whose model Goose did not record (one it imported from its older session files):
 * its tokens are still counted, under a model no price matches (ccusage leaves it out).
 */
const UNKNOWN_MODEL = 'unknown'

/** A session's one usage record, from its totals (see gooseSessionTokens); implausible totals are a warning on its line. */
export function gooseSessionUsage(
  session: { id: string; totals: JsonObject; model: string | null; time: number },
  where: { path: string; line: number },
  warn: (issue: LogIssue) => void,
): UsageRecord[] {
  const tokens = gooseSessionTokens(session.totals)
  if (tokens === null) return []
  if ('implausible' in tokens) {
    warn({ ...where, message: `session ${session.id}: ${tokens.implausible}; its tokens are not counted` })
    return []
  }
  // A total of many requests: no long-context tier applies to it as a whole.
  return [{ sessionId: session.id, model: session.model ?? UNKNOWN_MODEL, time: session.time, tokens, key: `goose:${session.id}`, sessionTotal: true }]
}

/**
 * Goose keeps no per-request usage, only each session's totals: `accumulated_*` summed over its
 * turns (what was billed), and the older `input_tokens` / `output_tokens` / `total_tokens` of the
 * last turn, which is all a session written before the accumulated columns has. A column absent,
 * null or not positive falls back to the other, as ccusage reads them. A total above input plus
 * output is output the parts do not name (a Gemini model's thinking): counted as output and as
 * reasoning.
 */
export function gooseSessionTokens(totals: JsonObject): TokenCounts | { implausible: string } | null {
  const read = (field: string): number | { implausible: string } | null => {
    const value = totals[field]
    if (value === undefined || value === null) return null
    if (typeof value !== 'number' || !Number.isInteger(value) || value > MAX_THREAD_TOKENS) return { implausible: `implausible token count: ${field} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}` }
    return value > 0 ? value : null
  }
  const counts: Record<'input' | 'output' | 'total', number | null> = { input: null, output: null, total: null }
  for (const kind of ['input', 'output', 'total'] as const) {
    for (const field of [`accumulated_${kind}_tokens`, `${kind}_tokens`]) {
      const value = read(field)
      if (typeof value === 'object' && value !== null) return value
      if (value !== null) {
        counts[kind] = value
        break
      }
    }
  }
  const input = counts.input ?? 0
  const output = counts.output ?? 0
  const extra = Math.max(0, (counts.total ?? input + output) - input - output)
  if (input + output + extra === 0) return null
  return { input, output: output + extra, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: extra }
}

const SQLITE_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/

/**
 * A Goose time: SQLite's `CURRENT_TIMESTAMP` text ("2026-03-01 09:15:00", UTC), RFC 3339 with
 * up to nanoseconds (what sqlx writes for a bound chrono time), or epoch seconds or milliseconds.
 */
export function gooseTime(value: unknown): number {
  if (typeof value === 'number') return epochTime(value > 1e12 ? value : value * 1000)
  if (typeof value !== 'string') return NaN
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return gooseTime(Number(trimmed))
  const local = SQLITE_DATETIME.exec(trimmed)
  // Date.parse reads at most milliseconds: the digits past them are dropped first.
  const iso = local ? `${local[1]}T${local[2]}Z` : trimmed
  return parseTime(iso.replace(/(\.\d{3})\d+/, '$1'))
}

const LAST_FOUR_DIGIT_YEAR = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

function epochTime(milliseconds: number): number {
  return milliseconds > 0 && milliseconds <= LAST_FOUR_DIGIT_YEAR ? milliseconds : NaN
}

/** The provider Goose was set to (`anthropic`, `openai`, `databricks`…), else the model's maker. */
export function gooseProvider(provider: string | null, model: string | null): string {
  if (provider?.trim()) return provider.trim()
  if (model?.startsWith('claude-')) return 'anthropic'
  if (model && /^(gpt-|chatgpt-|o\d)/.test(model)) return 'openai'
  if (model?.startsWith('gemini-')) return 'google'
  return 'goose'
}

