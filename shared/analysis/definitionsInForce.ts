import { DEFINITION_FIELDS, Portfolio, type PortfolioChange } from '../records/portfolio'
import { analyze, type Analysis } from './analyze'
import { dayOf, type DayNumber } from './dates'
import type { AnalysisInput, ChargeLine } from './input'
import { parsePeriod, type Period } from './periods'

/** The first day a change is in force; null for a retroactive change (or a key no longer readable). */
function effectiveStart(change: PortfolioChange, fiscalYearStartMonth: number): DayNumber | null {
  if (change.effectiveFrom === null) return null
  try {
    return parsePeriod(change.effectiveFrom, fiscalYearStartMonth).start
  } catch {
    return null
  }
}

function byTime(a: PortfolioChange, b: PortfolioChange): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id)
}

/**
 * A portfolio as defined for a period: each field takes the value of its latest change in force
 * then (a retroactive change is in force everywhere), or, before any, the value its first change
 * replaced. When the latest change of a field is in force, the stored record is today's value.
 * Null when the portfolio did not exist yet (created from a later period, as a split's new half).
 */
export function definitionInForce(portfolio: Portfolio, changes: readonly PortfolioChange[], period: Pick<Period, 'start'>, fiscalYearStartMonth: number): Portfolio | null {
  const own = changes.filter((change) => change.portfolioId === portfolio.id).sort(byTime)
  const inForce = (change: PortfolioChange) => {
    const start = effectiveStart(change, fiscalYearStartMonth)
    return start === null || start <= period.start
  }
  const creation = own.find((change) => change.created)
  if (creation && !inForce(creation)) return null
  const defined: Record<string, unknown> = { ...portfolio }
  for (const field of DEFINITION_FIELDS) {
    const touching = own.filter((change) => !change.created && field in change.after)
    if (touching.length === 0) continue
    const latest = touching.filter(inForce).at(-1)
    if (latest === touching.at(-1)) continue
    const value = latest ? latest.after[field] : touching[0].before[field]
    if (value !== undefined) defined[field] = value
  }
  const checked = Portfolio.safeParse(defined)
  return checked.success ? checked.data : portfolio
}

/** Every portfolio as defined for a period (those that did not exist yet left out). */
export function definitionsInForce(portfolios: readonly Portfolio[], changes: readonly PortfolioChange[], period: Pick<Period, 'start'>, fiscalYearStartMonth: number): Portfolio[] {
  return portfolios.flatMap((portfolio) => definitionInForce(portfolio, changes, period, fiscalYearStartMonth) ?? [])
}

export interface PeriodInputOptions {
  /** Read the period with the portfolios as they are defined today ("with today's definitions"). */
  todaysDefinitions?: boolean
}

/**
 * The analysis input for questions about one period: the portfolios as defined then (unless
 * today's definitions are asked for), and only the runs and charges that started by `asOf`, so
 * a report "as of" a mid-quarter day counts nothing imported for later days.
 */
export function inputForPeriod<C extends ChargeLine>(input: AnalysisInput<C>, period: Period, options: PeriodInputOptions = {}): AnalysisInput<C> {
  const asOf = dayOf(input.asOf)
  const portfolios = options.todaysDefinitions ? input.portfolios : definitionsInForce(input.portfolios, input.portfolioChanges, period, input.settings.fiscalYearStartMonth)
  return {
    ...input,
    portfolios,
    runs: input.runs.filter((run) => dayOf(run.start) <= asOf),
    charges: input.charges.filter((charge) => dayOf(charge.start) <= asOf),
  }
}

/**
 * The analysis to read one period from: today's when the period's definitions and records are
 * the same as today's (most of the time, and then nothing is recomputed), a fresh one otherwise.
 */
export function analysisForPeriod<C extends ChargeLine>(analysis: Analysis<C>, period: Period, options: PeriodInputOptions = {}): Analysis<C> {
  const input = inputForPeriod(analysis.input, period, options)
  const unchanged =
    input.runs.length === analysis.input.runs.length &&
    input.charges.length === analysis.input.charges.length &&
    JSON.stringify(input.portfolios) === JSON.stringify(analysis.input.portfolios)
  return unchanged ? analysis : analyze(input)
}
