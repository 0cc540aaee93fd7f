import { parseDecimal, decimalToNumber, subtractDecimal } from '../../../shared/money/decimal'

/**
 * Spend per week from a cumulative daily burn-up ({ date, spend } with spend so far), for the
 * sparkline. Numbers for drawing only; amounts shown to people stay exact decimals.
 */
export function weeklySpend(burnUp: readonly { date: string; spend: string }[]): number[] {
  const weeks: number[] = []
  let previous = parseDecimal('0')
  for (let i = 6; i < burnUp.length + 6; i += 7) {
    const point = burnUp[Math.min(i, burnUp.length - 1)]
    const total = parseDecimal(point.spend)
    weeks.push(decimalToNumber(subtractDecimal(total, previous)))
    previous = total
  }
  return weeks
}
