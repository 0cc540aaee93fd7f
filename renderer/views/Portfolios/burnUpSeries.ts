import type { Budget } from '../../../shared/analysis/budgets'
import type { Period } from '../../../shared/analysis/periods'
import { decimalToNumber, parseDecimal } from '../../../shared/money/decimal'

const SECONDS_PER_DAY = 86_400

export interface BurnUpSeries {
  /** UTC midnight of every day of the period, in seconds (uPlot's time scale). */
  x: number[]
  /** Cumulative spend at the end of each day so far; null after today. */
  spent: (number | null)[]
  /** From the last day with data to the period's last day, straight to the forecast. */
  forecast: (number | null)[]
  envelope: number[]
}

const toNumber = (amount: string) => decimalToNumber(parseDecimal(amount))

/** Chart series of a budget in its envelope currency. Numbers for drawing only: labels use the exact strings. */
export function burnUpSeries(budget: Budget, period: Period): BurnUpSeries {
  const days = period.end - period.start
  const x = Array.from({ length: days }, (_, i) => (period.start + i) * SECONDS_PER_DAY)
  const spent: (number | null)[] = x.map((_, i) => (i < budget.burnUp.length ? toNumber(budget.burnUp[i].spend) : null))
  const last = budget.burnUp.length - 1
  const startValue = last >= 0 ? toNumber(budget.burnUp[last].spend) : 0
  const endValue = toNumber(budget.forecast[budget.currency] ?? '0')
  const from = Math.max(last, 0)
  const span = days - 1 - from
  const forecast = x.map((_, i) => (i < from ? null : span <= 0 ? endValue : startValue + ((endValue - startValue) * (i - from)) / span))
  const envelope = x.map(() => toNumber(budget.envelope))
  return { x, spent, forecast, envelope }
}
