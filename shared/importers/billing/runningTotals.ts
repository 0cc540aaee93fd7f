import { CurrencyTotals } from '../../money/totals'
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

  add(currency: string, amount: string): void {
    const dot = amount.indexOf('.')
    const digits = amount.length - (dot >= 0 ? 1 : 0) - (amount.charCodeAt(0) === 45 ? 1 : 0)
    if (digits > 15) {
      this.exact.add(currency, amount)
      return
    }
    const scale = dot >= 0 ? amount.length - dot - 1 : 0
    const units = dot >= 0 ? Number(amount.slice(0, dot) + amount.slice(dot + 1)) : Number(amount)
    let sums = this.fast.get(currency)
    if (!sums) this.fast.set(currency, (sums = []))
    const sum = (sums[scale] ?? 0) + units
    if (Number.isSafeInteger(sum) && Math.abs(sum) < 2 ** 52) {
      sums[scale] = sum
    } else {
      this.exact.add(currency, { units: BigInt(sums[scale] ?? 0) + BigInt(units), scale })
      sums[scale] = 0
    }
  }

  toTotals(): CurrencyTotals {
    const totals = new CurrencyTotals().addAll(this.exact.toJSON())
    for (const [currency, sums] of this.fast) {
      sums.forEach((sum, scale) => totals.add(currency, { units: BigInt(sum), scale } satisfies Decimal))
    }
    return totals
  }
}

