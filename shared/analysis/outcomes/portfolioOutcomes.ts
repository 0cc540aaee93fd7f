import type { OutcomeMetric } from '../../records/outcome'
import type { Portfolio } from '../../records/portfolio'
import type { Run } from '../../records/run'
import { decimalText, parseDecimal } from '../../money/decimal'
import { dayOf } from '../dates'
import { containsDay, shiftPeriod, type Period } from '../periods'
import type { OutcomeInput, OutcomeLinks } from './linkOutcomes'
import { outcomeFigures, type OutcomeFigures } from './outcomeFigures'
import { sumDecimals } from './outcomeStats'
import { repoKey } from './repoIdentity'

export interface MetricTrend {
  metric: string
  /** The period's values in date order (a repo's and the portfolio's own rows alike). */
  points: { date: string; value: string }[]
  total: string
  previousTotal: string | null
}

/** A portfolio's outcomes in a period, each figure beside the previous period's. */
export interface PortfolioOutcomes extends OutcomeFigures {
  previous: OutcomeFigures
  metrics: MetricTrend[]
}

export interface PortfolioOutcomeContext {
  links: OutcomeLinks
  input: OutcomeInput
  fiscalYearStartMonth: number
  /** The portfolio's runs that started in a period. */
  runsIn: (period: Period) => Run[]
  /** Every run of the portfolio, whatever its period: the repositories it works in. */
  allRuns: readonly Run[]
}

export function portfolioOutcomes(portfolio: Portfolio, period: Period, context: PortfolioOutcomeContext): PortfolioOutcomes {
  const previousPeriod = shiftPeriod(period, -1, context.fiscalYearStartMonth)
  const figures = (at: Period) => {
    const periodIncidents = context.input.incidents.filter((incident) => containsDay(at, dayOf(incident.createdAt)))
    return outcomeFigures(at.key, context.runsIn(at), context.links, periodIncidents, context.input.notes)
  }
  return { ...figures(period), previous: figures(previousPeriod), metrics: metricTrends(portfolio, period, previousPeriod, context) }
}

/**
 * The metrics rows of the portfolio (named by its name or id) or of a repository its runs work
 * in, per metric: this period's points and total, and last period's total.
 */
function metricTrends(portfolio: Portfolio, period: Period, previous: Period, context: PortfolioOutcomeContext): MetricTrend[] {
  const repos = new Set(context.allRuns.flatMap((run) => context.links.identity.ofRun(run)?.key ?? []))
  const names = new Set([repoKey(portfolio.name), repoKey(portfolio.id)])
  const mine = (metric: OutcomeMetric) => (metric.portfolio !== null && names.has(repoKey(metric.portfolio))) || (metric.repo !== null && repos.has(context.links.identity.key(metric.repo)))
  const byMetric = new Map<string, { now: OutcomeMetric[]; before: OutcomeMetric[] }>()
  for (const metric of context.input.metrics) {
    if (!mine(metric)) continue
    const day = dayOf(metric.date)
    const side = containsDay(period, day) ? 'now' : containsDay(previous, day) ? 'before' : null
    if (!side) continue
    const entry = byMetric.get(metric.metric) ?? { now: [], before: [] }
    entry[side].push(metric)
    byMetric.set(metric.metric, entry)
  }
  const total = (rows: OutcomeMetric[]) => decimalText(sumDecimals(rows.map((row) => parseDecimal(row.value))))
  return [...byMetric]
    .filter(([, rows]) => rows.now.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([metric, rows]) => ({
      metric,
      points: [...rows.now].sort((a, b) => a.date.localeCompare(b.date)).map(({ date, value }) => ({ date, value })),
      total: total(rows.now),
      previousTotal: rows.before.length > 0 ? total(rows.before) : null,
    }))
}
