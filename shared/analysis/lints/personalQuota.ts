import { decimalToNumber, parseDecimal, sumDecimalStrings } from '../../money/decimal'
import { containsPersonName } from './personNames'
import type { Lint, LintContext } from './types'

/** Below this many runs one person's share says nothing. */
const MIN_RUNS = 5
/** A team of fewer contributors than this is one person's work by nature, not a quota. */
const MIN_TEAM = 3
const MOST = 75

/** The largest contributor's share of the totals, as a whole percentage (a ratio for people, not money). */
function largestShare(totals: readonly number[]): number {
  const all = totals.reduce((a, b) => a + b, 0)
  return all > 0 ? Math.round((totals.reduce((a, b) => Math.max(a, b), 0) / all) * 100) : 0
}

/**
 * A portfolio that works as one person's quota: one contributor pseudonym accounts for most of
 * its runs or spend in the period, or a charge rule targets an API key named after a person. The
 * finding says how much, never who: governance stays at team and workflow level.
 */
export function personalQuota({ portfolio, runs, contributors, period }: LintContext): Lint | null {
  const fix = 'Widen it to the workflow the team shares, or fold it into a team portfolio; never budget one person.'
  const key = portfolio.rules.flatMap((rule) => (rule.target === 'charges' ? rule.conditions : [])).find((c) => c.field === 'apiKey' && c.values.some(containsPersonName))
  if (key) return { code: 'personal-quota', message: 'A charge rule targets an API key named after a person: its spend is one person\'s, not a workflow\'s.', fix }
  if (runs.length < MIN_RUNS || contributors < MIN_TEAM) return null
  const costs = new Map<string, string[]>()
  for (const run of runs) if (run.actor) costs.set(run.actor, [...(costs.get(run.actor) ?? []), run.costUSD])
  const runShare = largestShare([...costs.values()].map((list) => list.length))
  const spendShare = largestShare([...costs.values()].map((list) => decimalToNumber(parseDecimal(sumDecimalStrings(list)))))
  const [share, of] = runShare >= spendShare ? [runShare, 'runs'] : [spendShare, 'spend']
  if (share < MOST) return null
  return { code: 'personal-quota', message: `One contributor accounts for ${share}% of its ${of} in ${period.key}: it works as a personal quota.`, fix }
}
