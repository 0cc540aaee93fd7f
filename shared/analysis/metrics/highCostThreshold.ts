import { compareDecimal, parseDecimal } from '../../money/decimal'
import { formatMoney } from '../../money/format'
import type { Settings } from '../../records/settings'

/**
 * What counts as a high-cost run. By default relative: each portfolio's own top 5% of runs by
 * cost (at least its costliest), so a team whose costliest run is $2.41
 * still has its most expensive runs to talk about. Or the team's fixed amount, when chosen.
 */
export type HighCostRule = NonNullable<Settings['highCostRule']>

export const DEFAULT_HIGH_COST_RULE: HighCostRule = 'top-5%'

export interface HighCostThreshold {
  rule: HighCostRule
  /** The cost a run must reach (top-5%: at least; fixed: more than); null when no run of the group has a cost. */
  amountUSD: string | null
}

const TOP_ONE_IN = 20

/** The threshold for one group of runs (a portfolio's, or the unassigned ones) in a period. */
export function highCostThreshold(runs: readonly { costUSD: string }[], settings: Pick<Settings, 'highCostRule' | 'highCostThresholdUSD'>): HighCostThreshold {
  const rule = settings.highCostRule ?? DEFAULT_HIGH_COST_RULE
  if (rule === 'fixed') return { rule, amountUSD: settings.highCostThresholdUSD }
  // Runs without a cost (unpriced models) never make the top: a zero is not a high cost.
  const costs = runs.map((run) => ({ text: run.costUSD, value: parseDecimal(run.costUSD) })).filter((cost) => cost.value.units > 0n)
  if (costs.length === 0) return { rule, amountUSD: null }
  costs.sort((a, b) => compareDecimal(a.value, b.value))
  // The costliest 5% (one run in twenty, at least one); ties with the cheapest of them count too.
  const top = Math.ceil(costs.length / TOP_ONE_IN)
  return { rule, amountUSD: costs[costs.length - top].text }
}

export function isHighCost(run: { costUSD: string }, threshold: HighCostThreshold): boolean {
  if (threshold.amountUSD === null) return false
  const order = compareDecimal(parseDecimal(run.costUSD), parseDecimal(threshold.amountUSD))
  return threshold.rule === 'fixed' ? order > 0 : order >= 0
}

/** "the top 5% of its runs: $2.41 and above" or "above the team's fixed $5.00", for people. */
export function describeHighCostThreshold(threshold: HighCostThreshold, locale?: string): string {
  if (threshold.rule === 'fixed') return `above the team's fixed ${formatMoney(threshold.amountUSD ?? '0', 'USD', locale)}`
  if (threshold.amountUSD === null) return 'the top 5% of its runs (none has a cost yet)'
  return `the top 5% of its runs: ${formatMoney(threshold.amountUSD, 'USD', locale)} and above`
}
