import type { PortfolioChange } from '../../records/portfolio'
import { dayOf } from '../dates'
import { containsDay, periodContaining, shiftPeriod } from '../periods'
import type { Lint, LintContext } from './types'

/** More rule or envelope changes than this within one period read as churn, not tuning. */
const MAX_CHANGES_IN_PERIOD = 2
/** Renamed or re-scoped in this many quarters running (up to the one shown): the definition never settles. */
const QUARTERS_RUNNING = 3

const touches = (change: PortfolioChange, fields: readonly string[]) => !change.created && fields.some((field) => field in change.after)

/**
 * Unstable definitions: rules or the envelope edited again and again within the period, or the
 * portfolio renamed or re-scoped every quarter. Teams stop investing in a workflow whose
 * definition and budget keep moving; the figures of past periods stop meaning anything.
 */
export function unstableDefinition({ period, changes, fiscalYearStartMonth }: LintContext): Lint | null {
  const fix = 'Settle the definition at the quarterly review and change it from the next period on; use envelope moves for in-period shifts.'
  const inPeriod = changes.filter((change) => touches(change, ['rules', 'envelope']) && containsDay(period, dayOf(change.at)))
  if (inPeriod.length > MAX_CHANGES_IN_PERIOD) {
    return { code: 'unstable-definition', message: `Its rules or envelope changed ${inPeriod.length} times in ${period.key}: nobody can plan against a moving definition.`, fix }
  }
  let quarter = periodContaining('quarter', period.end - 1, fiscalYearStartMonth)
  for (let i = 0; i < QUARTERS_RUNNING; i++, quarter = shiftPeriod(quarter, -1, fiscalYearStartMonth)) {
    const current = quarter
    if (!changes.some((change) => touches(change, ['name', 'rules']) && containsDay(current, dayOf(change.at)))) return null
  }
  return { code: 'unstable-definition', message: `It was renamed or re-scoped in each of the last ${QUARTERS_RUNNING} quarters: its figures no longer compare from one quarter to the next.`, fix }
}
