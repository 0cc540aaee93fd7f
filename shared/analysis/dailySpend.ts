import { addDecimal, ZERO, type Decimal } from '../money/decimal'
import type { Bucket } from './allocation'
import type { DayNumber } from './dates'
import type { Period } from './periods'
import type { SpendEntry } from './spend'

const UNASSIGNED = '\u0000unassigned'

/** Spend per bucket, currency and day: budgets, burn-up and forecasts all read it. */
export class DailySpend {
  private readonly byBucket = new Map<string, Map<string, Map<DayNumber, Decimal>>>()

  constructor(entries: readonly SpendEntry[]) {
    for (const entry of entries) {
      const bucket = entry.portfolioId ?? UNASSIGNED
      const currencies = this.byBucket.get(bucket) ?? new Map<string, Map<DayNumber, Decimal>>()
      this.byBucket.set(bucket, currencies)
      const days = currencies.get(entry.currency) ?? new Map<DayNumber, Decimal>()
      currencies.set(entry.currency, days)
      days.set(entry.day, addDecimal(days.get(entry.day) ?? ZERO, entry.amount))
    }
  }

  currencies(bucket: Bucket): string[] {
    return [...(this.byBucket.get(bucket ?? UNASSIGNED)?.keys() ?? [])].sort()
  }

  /** Sum over days in [from, to). */
  sum(bucket: Bucket, currency: string, from: DayNumber, to: DayNumber): Decimal {
    let total = ZERO
    const days = this.byBucket.get(bucket ?? UNASSIGNED)?.get(currency)
    if (!days) return total
    for (const [day, amount] of days) if (day >= from && day < to) total = addDecimal(total, amount)
    return total
  }

  periodTotal(bucket: Bucket, currency: string, period: Period): Decimal {
    return this.sum(bucket, currency, period.start, period.end)
  }

  /** The first day with spend for the bucket, in any currency. */
  firstDay(bucket: Bucket): DayNumber | null {
    let first: DayNumber | null = null
    for (const days of this.byBucket.get(bucket ?? UNASSIGNED)?.values() ?? []) {
      for (const day of days.keys()) if (first === null || day < first) first = day
    }
    return first
  }

  /** Cumulative spend at the end of each day of the period, up to `lastDay` (inclusive). */
  cumulative(bucket: Bucket, currency: string, period: Period, lastDay: DayNumber): { day: DayNumber; total: Decimal }[] {
    const days = this.byBucket.get(bucket ?? UNASSIGNED)?.get(currency)
    const out: { day: DayNumber; total: Decimal }[] = []
    let total = ZERO
    for (let day = period.start; day < period.end && day <= lastDay; day++) {
      const amount = days?.get(day)
      if (amount) total = addDecimal(total, amount)
      out.push({ day, total })
    }
    return out
  }
}
