import { CurrencyTotals, type CurrencyAmounts } from '../../../shared/money/totals'
import type { Ledger } from '../../../shared/workspace/ledger'
import type { BatchMeta } from '../../../shared/records/batch'
import { carriesCost } from '../../../shared/records/chargeCost'

/**
 * A batch's totals per UTC month (the month providers bill by) and currency, from its
 * summary when it has one (a few thousand lines instead of a million rows), else from its
 * validated records. Runs count their estimated cost (USD) in the months their requests fell in.
 */
export interface BatchMonth {
  month: string
  totals: CurrencyAmounts
}

const cache = new WeakMap<Ledger, Map<string, BatchMonth[]>>()

export function monthlyTotals(ledger: Ledger, meta: Pick<BatchMeta, 'id' | 'records' | 'totals'>): BatchMonth[] {
  // Batches never change: each one is summed once.
  let byBatch = cache.get(ledger)
  if (!byBatch) cache.set(ledger, (byBatch = new Map()))
  const cached = byBatch.get(meta.id)
  if (cached) return cached
  const result = sumByMonth(ledger, meta)
  byBatch.set(meta.id, result)
  return result
}

function sumByMonth(ledger: Ledger, meta: Pick<BatchMeta, 'id' | 'records' | 'totals'>): BatchMonth[] {
  const months = new Map<string, CurrencyTotals>()
  const add = (month: string, currency: string, amount: string) => {
    let totals = months.get(month)
    if (!totals) months.set(month, (totals = new CurrencyTotals()))
    totals.add(currency, amount)
  }
  for (const record of ledger.summaryOf(meta)?.lines ?? ledger.batchRecords(meta.id)) {
    if ('costByMonth' in record) {
      for (const [month, cost] of Object.entries(record.costByMonth)) add(month.slice(0, 7), 'USD', cost)
    } else if (carriesCost(record)) {
      add(record.start.slice(0, 7), record.currency, record.cost)
    }
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, totals]) => ({ month, totals: totals.toJSON() }))
}
