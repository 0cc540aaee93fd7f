import type { Analysis } from '../../../shared/analysis/analyze'
import { agentToolName } from '../../../shared/importers/logs/agentTools'
import { parseDecimal, type Decimal } from '../../../shared/money/decimal'
import type { TokenCounts } from '../../../shared/records/common'
import type { Run } from '../../../shared/records/run'

export const UNASSIGNED = 'Unassigned'

/** One row of the Runs table: the run plus what the view derives once (never stored). */
export interface RunRow {
  id: string
  run: Run
  startMs: number
  /** Local calendar month of the start ("2026-03"), in the person's time zone, as displayed. */
  month: string
  repo: string
  branch: string
  tokens: number
  cost: Decimal
  portfolioId: string | null
  portfolioName: string
  /** Rules of more than one portfolio matched this run. */
  overlap: boolean
  /** The other portfolios whose rules also matched. */
  alsoMatched: string[]
  /** Lower-cased text the search box looks in. */
  haystack: string
}

/** Every token the run used, all kinds together (the detail shows them kind by kind). */
export function totalTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.output + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.cacheRead + tokens.reasoning
}

export function localMonth(ms: number): string {
  const date = new Date(ms)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

export function buildRunRows(analysis: Analysis): RunRow[] {
  const names = new Map(analysis.input.portfolios.map((p) => [p.id, p.name]))
  return analysis.input.runs.map((run) => {
    const assignment = analysis.assignment.runs.get(run.id)
    const portfolioId = assignment?.portfolioId ?? null
    const portfolioName = portfolioId ? (names.get(portfolioId) ?? portfolioId) : UNASSIGNED
    const alsoMatched = assignment?.overlap
      ? [...new Set(assignment.alsoMatched.map((m) => m.portfolioId).filter((id) => id !== portfolioId))].map((id) => names.get(id) ?? id)
      : []
    const startMs = Date.parse(run.start)
    const repo = run.repo ?? ''
    const branch = run.branch ?? ''
    return {
      id: run.id,
      run,
      startMs,
      month: localMonth(startMs),
      repo,
      branch,
      tokens: totalTokens(run.tokens),
      cost: parseDecimal(run.costUSD),
      portfolioId,
      portfolioName,
      overlap: alsoMatched.length > 0,
      alsoMatched,
      haystack: [run.id, run.tool, agentToolName(run.tool), repo, branch, ...run.models, ...run.steps, portfolioName].join('\u0001').toLowerCase(),
    }
  })
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long' })
const tokenFormat = new Intl.NumberFormat()
const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })

/** A UTC instant in the person's own time zone. */
export function formatRunTime(ms: number): string {
  return Number.isNaN(ms) ? '—' : timeFormat.format(ms)
}

export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number)
  return monthFormat.format(new Date(year, monthNumber - 1, 1))
}

export function formatTokens(tokens: number): string {
  return tokenFormat.format(tokens)
}

export function formatTokensCompact(tokens: number): string {
  return tokens < 10_000 ? tokenFormat.format(tokens) : compactFormat.format(tokens)
}

export function formatDuration(startMs: number, endMs: number): string {
  const seconds = Math.max(0, Math.round((endMs - startMs) / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
