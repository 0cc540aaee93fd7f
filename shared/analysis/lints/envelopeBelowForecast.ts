import { compareDecimal, parseDecimal } from '../../money/decimal'
import { formatMoney } from '../../money/format'
import type { LintContext, Lint } from './types'

/** An envelope the forecast will exceed acts like a cap: people start rationing useful runs. */
export function envelopeBelowForecast({ budget }: LintContext): Lint | null {
  const forecast = budget.forecast[budget.currency]
  if (forecast === undefined || compareDecimal(parseDecimal(forecast), parseDecimal(budget.envelope)) <= 0) return null
  return {
    code: 'envelope-below-forecast',
    message: `Forecast ${formatMoney(forecast, budget.currency)} for ${budget.period} is above the envelope of ${formatMoney(budget.envelope, budget.currency)}.`,
    fix: 'Discuss it at the next review: raise the envelope, move envelope from another portfolio, or record why the spend pays off.',
  }
}
