import { CurrencyTotals } from '../../shared/money/totals'
import type { Charge } from '../../shared/records/charge'
import { carriesCost } from '../../shared/records/chargeCost'
import { createBatch, type Batch } from '../../shared/batches/batch'

/** For tests: a charges batch as the importer builds it, its totals the sums of the rows that carry cost. */
export function importedChargeBatch(charges: Charge[], { format = 'test-billing', fileName = 'billing.csv', importedAt = '2026-11-01T00:00:00.000Z' } = {}): Batch {
  const totals = new CurrencyTotals()
  for (const charge of charges) if (carriesCost(charge)) totals.add(charge.currency, charge.cost)
  return createBatch({ kind: 'charges', format, fileNames: [fileName], records: charges, totals: totals.toJSON(), from: null, to: null, skipped: [], warnings: [], importedAt })
}
