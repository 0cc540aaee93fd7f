import { CurrencyTotals, type CurrencyAmounts } from '../../shared/money/totals'
import type { Charge } from '../../shared/records/charge'

/** The `charges` block of `import --json`: per currency, never added across currencies. */
export interface ChargeSummary {
  count: number
  cost: CurrencyAmounts
  byMonth: Record<string, CurrencyAmounts>
  byModel: Record<string, CurrencyAmounts>
  from: string | null
  to: string | null
}

/**
 * Sums the charges of the files imported in one run. A row present in two overlapping
 * exports counts once (same format and identity), as in the ledger.
 */
export class ChargeSummaryBuilder {
  private readonly seen = new Set<string>()
  private readonly cost = new CurrencyTotals()
  private readonly byMonth = new Map<string, CurrencyTotals>()
  private readonly byModel = new Map<string, CurrencyTotals>()
  private count = 0
  private from: string | null = null
  private to: string | null = null

  add(charges: readonly Charge[]): void {
    for (const charge of charges) {
      const key = `${charge.format}\u0000${charge.identity}`
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.count++
      this.cost.add(charge.currency, charge.cost)
      // Month of the usage start, in UTC (start is a UTC ISO instant).
      bucket(this.byMonth, charge.start.slice(0, 7)).add(charge.currency, charge.cost)
      bucket(this.byModel, charge.model ?? charge.service ?? '(none)').add(charge.currency, charge.cost)
      if (this.from === null || charge.start < this.from) this.from = charge.start
      const last = charge.end ?? charge.start
      if (this.to === null || last > this.to) this.to = last
    }
  }

  build(): ChargeSummary {
    return {
      count: this.count,
      cost: this.cost.toJSON(),
      byMonth: sortedAmounts(this.byMonth),
      byModel: sortedAmounts(this.byModel),
      from: this.from,
      to: this.to,
    }
  }
}

function bucket(map: Map<string, CurrencyTotals>, key: string): CurrencyTotals {
  let totals = map.get(key)
  if (!totals) map.set(key, (totals = new CurrencyTotals()))
  return totals
}

function sortedAmounts(map: Map<string, CurrencyTotals>): Record<string, CurrencyAmounts> {
  return Object.fromEntries([...map.keys()].sort().map((key) => [key, map.get(key)!.toJSON()]))
}
