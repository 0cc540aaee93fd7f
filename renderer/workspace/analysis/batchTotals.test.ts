import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { importBillingFile } from '../../../shared/importers/billing/importBillingFile'
import { Ledger } from '../../../shared/workspace/ledger'
import { fixtureSource } from '../../../test/support/billingFixtures'
import { monthlyTotals } from './batchTotals'

async function ledgerWith(file: string) {
  const ledger = new Ledger(new Y.Doc())
  const { batch } = await importBillingFile(fixtureSource(file), { importedAt: '2026-11-29T00:00:00.000Z' })
  ledger.add(batch!)
  return { ledger, meta: batch!.meta }
}

test('a batch is summed per UTC month of each row start, per currency', async () => {
  const { ledger, meta } = await ledgerWith('anthropic-cost-2026-03.csv')
  expect(monthlyTotals(ledger, meta)).toEqual([
    { month: '2026-03', totals: { USD: '29.75' } },
    { month: '2026-04', totals: { USD: '0.01' } },
  ])
})

test('a tokens-only batch has no months of money, rather than months of $0', async () => {
  const { ledger, meta } = await ledgerWith('anthropic-usage.csv')
  expect(monthlyTotals(ledger, meta)).toEqual([])
})
