import { addDecimal, compareDecimal, divideDecimal, parseDecimal, ZERO, type Decimal } from '../../money/decimal'

export function sumDecimals(values: readonly Decimal[]): Decimal {
  return values.reduce(addDecimal, ZERO)
}

/** Median of exact amounts (the mean of the middle two when even: exact, one more digit at most); null when none. */
export function medianDecimal(values: readonly Decimal[]): Decimal | null {
  if (values.length === 0) return null
  const sorted = [...values].sort(compareDecimal)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[middle]
  const pair = addDecimal(sorted[middle - 1], sorted[middle])
  return divideDecimal(pair, { units: 2n, scale: 0 }, pair.scale + 1)
}

/** The 90th percentile by nearest rank: an amount that occurred, never an interpolation; null when none. */
export function p90Decimal(values: readonly Decimal[]): Decimal | null {
  if (values.length === 0) return null
  const sorted = [...values].sort(compareDecimal)
  return sorted[Math.ceil(0.9 * sorted.length) - 1]
}

export function medianNumber(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function runCost(run: { costUSD: string }): Decimal {
  return parseDecimal(run.costUSD)
}
