import { runsIn, type Analysis } from '../../../shared/analysis/analyze'
import type { ChargeLine } from '../../../shared/analysis/input'
import type { Period } from '../../../shared/analysis/periods'
import { addDecimal, compareDecimal, formatDecimal, parseDecimal, ZERO, type Decimal } from '../../../shared/money/decimal'

export interface UnassignedGroup {
  repo: string
  runs: number
  estimatedUSD: string
}

/**
 * Unassigned runs of the period grouped by repository, largest estimated cost first: where a
 * new rule would place the most. Repositories and tools only; never people.
 */
export function unassignedByRepo(analysis: Analysis<ChargeLine>, period: Period, limit = 5): UnassignedGroup[] {
  const groups = new Map<string, { runs: number; cost: Decimal }>()
  for (const run of runsIn(analysis, null, period)) {
    const repo = run.repo ?? `(no repo, ${run.tool})`
    const group = groups.get(repo) ?? { runs: 0, cost: ZERO }
    group.runs += 1
    group.cost = addDecimal(group.cost, parseDecimal(run.costUSD))
    groups.set(repo, group)
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => compareDecimal(y.cost, x.cost) || y.runs - x.runs || a.localeCompare(b))
    .slice(0, limit)
    .map(([repo, g]) => ({ repo, runs: g.runs, estimatedUSD: formatDecimal(g.cost) }))
}
