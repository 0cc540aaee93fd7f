import { CurrencyTotals, type CurrencyAmounts } from '../../money/totals'
import type { Decimal } from '../../money/decimal'

/**
 * Exact per-currency sums for a million rows. Parsing every amount into a bigint costs more
 * than parsing the CSV, so amounts with at most 15 digits are added as integer units in a
 * double (exact below 2^53) per currency and scale, and moved into bigint (CurrencyTotals)
 * before they could lose precision. Longer amounts go to bigint directly.
 */
export class RunningTotals {
  private readonly exact = new CurrencyTotals()
  private readonly fast = new Map<string, number[]>()
  // Exports are mostly one currency: skip the map lookup while it stays the same.
  private lastCurrency = ''
  private lastSums: number[] = []

  /** Adds a plain decimal string (`-?\d+(\.\d+)?`, as parseAmount returns). */
  add(currency: string, amount: string): void {
    const length = amount.length
    let i = amount.charCodeAt(0) === 45 ? 1 : 0
    const negative = i === 1
    let units = 0
    let scale = -1
    let digits = 0
    for (; i < length; i++) {
      const code = amount.charCodeAt(i)
      if (code === 46 && scale < 0) {
        scale = 0
        continue
      }
      if (code < 48 || code > 57) {
        this.exact.add(currency, amount)
        return
      }
      units = units * 10 + (code - 48)
      digits++
      if (scale >= 0) scale++
    }
    if (digits > 15) {
      this.exact.add(currency, amount)
      return
    }
    if (scale < 0) scale = 0
    if (negative) units = -units
    let sums = this.lastSums
    if (currency !== this.lastCurrency) {
      sums = this.fast.get(currency) ?? []
      this.fast.set(currency, sums)
      this.lastCurrency = currency
      this.lastSums = sums
    }
    const sum = (sums[scale] ?? 0) + units
    if (Number.isSafeInteger(sum) && Math.abs(sum) < 2 ** 52) {
      sums[scale] = sum
    } else {
      this.exact.add(currency, { units: BigInt(sums[scale] ?? 0) + BigInt(units), scale })
      sums[scale] = 0
    }
  }

  /** Adds totals summed elsewhere (a part of the file read on another thread), exactly. */
  addAll(amounts: CurrencyAmounts): void {
    this.exact.addAll(amounts)
  }

  toTotals(): CurrencyTotals {
    const totals = new CurrencyTotals().addAll(this.exact.toJSON())
    for (const [currency, sums] of this.fast) {
      sums.forEach((sum, scale) => totals.add(currency, { units: BigInt(sum), scale } satisfies Decimal))
    }
    return totals
  }
}

