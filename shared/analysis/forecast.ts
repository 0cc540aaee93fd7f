import { compareDecimal, divideDecimal, formatDecimal, multiplyByInteger, multiplyDecimal, roundDecimal, ZERO, type Decimal } from '../money/decimal'
import { formatMoney } from '../money/format'
import type { DayNumber } from './dates'
import { periodDays, type Period } from './periods'

export interface Forecast {
  amount: Decimal
  method: 'closed' | 'not-started' | 'linear' | 'last-period-pattern'
  explanation: string
}

/** Spend of one bucket and currency: the sum over [from, to). */
export type RangeSum = (from: DayNumber, to: DayNumber) => Decimal

const SCALE = 2

/**
 * Spend expected by the end of the period. The day `asOf` counts as elapsed (today's imports
 * are in). Once the previous period has spend, its shape is used: if by the same point of the
 * period it had spent 40% of its total, this period's spend so far is taken as 40% of its total.
 * Otherwise the forecast is linear on the days elapsed.
 */
export function forecastPeriodEnd(period: Period, previous: Period, asOf: DayNumber, spend: RangeSum, currency: string): Forecast {
  const money = (amount: Decimal) => formatMoney(formatDecimal(amount), currency)
  const days = periodDays(period)
  const elapsed = Math.min(Math.max(asOf + 1 - period.start, 0), days)
  if (elapsed === days) {
    const amount = spend(period.start, period.end)
    return { amount, method: 'closed', explanation: `${period.key} is over: the forecast is what was spent.` }
  }
  const previousTotal = spend(previous.start, previous.end)
  if (elapsed === 0) {
    return { amount: previousTotal, method: 'not-started', explanation: `${period.key} has not started: the forecast is ${previous.key}'s spend (${money(previousTotal)}).` }
  }
  const soFar = spend(period.start, period.start + elapsed)
  // The same fraction of the previous period, in days, rounded to whole days.
  const previousElapsed = Math.max(1, Math.round((elapsed * periodDays(previous)) / days))
  const previousSoFar = spend(previous.start, previous.start + previousElapsed)
  if (compareDecimal(previousTotal, ZERO) > 0 && compareDecimal(previousSoFar, ZERO) > 0) {
    const amount = roundDecimal(divideDecimal(multiplyDecimal(soFar, previousTotal), previousSoFar, SCALE + 4), SCALE)
    return {
      amount,
      method: 'last-period-pattern',
      explanation: `By day ${previousElapsed} of ${periodDays(previous)}, ${previous.key} had spent ${money(previousSoFar)} of its ${money(previousTotal)}; ${period.key} has spent ${money(soFar)} by day ${elapsed} of ${days}, so it follows the same shape to ${money(amount)}.`,
    }
  }
  const amount = roundDecimal(divideDecimal(multiplyByInteger(soFar, days), { units: BigInt(elapsed), scale: 0 }, SCALE + 4), SCALE)
  return {
    amount,
    method: 'linear',
    explanation: `${money(soFar)} spent in ${elapsed} of ${days} days, continued at the same daily rate: ${money(amount)}.`,
  }
}
