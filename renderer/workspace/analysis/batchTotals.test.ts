import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { importBillingFile } from '../../../shared/importers/billing/importBillingFile'
import { Ledger } from '../../../shared/workspace/ledger'
import { fixtureSource } from '../../../test/support/billingFixtures'
import { monthlyTotals } from './batchTotals'

async function ledgerWith(file: string, { withSummary = true } = {}) {
  const ledger = new Ledger(new Y.Doc())
  const { batch } = await importBillingFile(fixtureSource(file), { importedAt: '2026-11-29T00:00:00.000Z' })
  const { summary, ...withoutSummary } = batch!
  ledger.add(withSummary ? batch! : withoutSummary)
  return { ledger, meta: batch!.meta, summary }
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

test("a batch's months from its summary are the months from its rows", async () => {
  for (const file of ['anthropic-cost-2026-03.csv', 'openai-cost-2025-10.csv', 'aws-cur2-bedrock.csv', 'azure-cost-details.csv', 'focus-1.3.csv']) {
    const summarized = await ledgerWith(file)
    expect(summarized.summary, file).toBeDefined()
    expect(summarized.ledger.summaryOf(summarized.meta), file).not.toBeNull()
    const rows = await ledgerWith(file, { withSummary: false })
    expect(rows.ledger.summaryOf(rows.meta), file).toBeNull()
    expect(monthlyTotals(summarized.ledger, summarized.meta), file).toEqual(monthlyTotals(rows.ledger, rows.meta))
    expect(monthlyTotals(rows.ledger, rows.meta).length, file).toBeGreaterThan(0)
  }
})
