import type { Portfolio } from '../../records/portfolio'
import type { Run } from '../../records/run'
import { compareDecimal, parseDecimal } from '../../money/decimal'
import { isHighCost, type HighCostThreshold } from './highCostThreshold'

/**
 * Legitimacy of high-cost runs (see highCostThreshold.ts for what counts as one). A high-cost run is
 * "in portfolio" when it sits in a sanctioned portfolio: live (not retired), outcome-tagged, and
 * declaring high-cost runs normal by setting expectedHighCostUSD. The run's cost is not compared
 * with that value: runs below it are ordinary for the portfolio, runs above it are exactly what it
 * sanctioned. Unannotated ones form the team's note queue.
 */
export interface HighCost {
  threshold: HighCostThreshold
  count: number
  inPortfolio: number
  annotated: number
  /** Run ids needing an outcome note, most expensive first: a queue for the team, never a list of people. */
  unannotatedRunIds: string[]
}

export function expectsHighCost(portfolio: Portfolio | null): boolean {
  return (
    !!portfolio &&
    portfolio.status !== 'retired' &&
    portfolio.expectedHighCostUSD !== null &&
    portfolio.outcomeTags.some((tag) => tag.trim() !== '')
  )
}

/** `runs` are one portfolio's runs in the period (or the unassigned ones, with portfolio null). */
export function highCostMetrics(runs: readonly Run[], portfolio: Portfolio | null, threshold: HighCostThreshold, annotatedRunIds: ReadonlySet<string>): HighCost {
  const high = runs.filter((run) => isHighCost(run, threshold))
  const unannotated = high
    .filter((run) => !annotatedRunIds.has(run.id))
    .sort((a, b) => compareDecimal(parseDecimal(b.costUSD), parseDecimal(a.costUSD)) || a.id.localeCompare(b.id))
  return {
    threshold,
    count: high.length,
    inPortfolio: expectsHighCost(portfolio) ? high.length : 0,
    annotated: high.length - unannotated.length,
    unannotatedRunIds: unannotated.map((run) => run.id),
  }
}
