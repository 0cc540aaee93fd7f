import { dayOf } from '../analysis/dates'
import type { AnalysisInput, ChargeLine } from '../analysis/input'
import { parsePeriod, periodContaining, type Period } from '../analysis/periods'

/** Why a report shows its period: asked for, the current quarter, or the latest quarter with data. */
export type PeriodSource = 'requested' | 'current' | 'latest-with-data'

/**
 * Without an explicit period: the fiscal quarter holding asOf when it has any runs or charges,
 * otherwise the latest quarter that has some (a workspace of last quarter's exports reports on
 * that quarter, not on an empty one), otherwise the current quarter.
 */
export function choosePeriod(input: AnalysisInput<ChargeLine>, requested?: string): { period: Period; source: PeriodSource } {
  const fiscal = input.settings.fiscalYearStartMonth
  if (requested) return { period: parsePeriod(requested, fiscal), source: 'requested' }
  const current = periodContaining('quarter', input.asOf, fiscal)
  // One pass, no spread: a workspace holds far more records than a call can take arguments.
  let hasCurrent = false
  let latestBefore = -Infinity
  let latest = -Infinity
  for (const start of [...input.runs.map((r) => r.start), ...input.charges.map((c) => c.start)]) {
    const day = dayOf(start)
    if (day >= current.start && day < current.end) hasCurrent = true
    if (day < current.start) latestBefore = Math.max(latestBefore, day)
    latest = Math.max(latest, day)
  }
  if (hasCurrent || latest === -Infinity) return { period: current, source: 'current' }
  const chosen = latestBefore > -Infinity ? latestBefore : latest
  return { period: periodContaining('quarter', chosen, fiscal), source: 'latest-with-data' }
}
