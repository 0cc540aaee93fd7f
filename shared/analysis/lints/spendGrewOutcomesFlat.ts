import { compareDecimal, parseDecimal } from '../../money/decimal'
import type { OutcomeFigures } from '../outcomes/outcomeFigures'
import type { Lint, LintContext } from './types'

/** What a period delivered, as one count: merged PRs, incidents worked, notes with a value. */
function delivered(figures: OutcomeFigures): number {
  const valued = Object.entries(figures.notes.valueCategories).reduce((sum, [category, count]) => sum + (category === 'no-value' ? 0 : (count ?? 0)), 0)
  return figures.pullRequests.merged + figures.incidents.worked + valued
}

/**
 * Spend grew on last period while what it delivered did not: the question a review exists to
 * ask ("is this portfolio still net positive?"), raised as an item, never a cap.
 */
export function spendGrewOutcomesFlat({ outcomes }: LintContext): Lint | null {
  if (!outcomes) return null
  const { previous } = outcomes
  const before = parseDecimal(previous.runCostUSD)
  if (before.units === 0n || compareDecimal(parseDecimal(outcomes.runCostUSD), before) <= 0) return null
  const [now, then] = [delivered(outcomes), delivered(previous)]
  if (now > then) return null
  return {
    code: 'spend-grew-outcomes-flat',
    message: `Run spend grew since ${previous.period} while its outcomes did not (merged PRs, incidents worked and valued notes: ${then} → ${now}).`,
    fix: 'Discuss it at the review: check the Outcomes tab for missing links, record what the runs delivered, or adjust the envelope.',
  }
}
