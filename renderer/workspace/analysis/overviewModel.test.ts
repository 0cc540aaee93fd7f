import { expect, test } from 'vitest'
import { makeCharge, makePortfolio, rule } from '../../../test/support/analysisFixtures'
import { createBatch } from '../../../shared/batches/batch'
import { CurrencyTotals } from '../../../shared/money/totals'
import { createMemoryWorkspace } from '../../test/renderWithWorkspace'
import { importRecords, incidents, runs, web } from '../../test/portfolioTestData'
import { currentAnalysis, currentSummarizedAnalysis } from './analysisCache'
import { overviewModel, type OverviewRequest } from './overviewModel'

const request: OverviewRequest = { periodKey: '2026-Q3', todaysDefinitions: false }

test("the Overview drawn from a batch's summary is the one drawn from its every charge", () => {
  const workspace = createMemoryWorkspace()
  for (const portfolio of [incidents, web]) workspace.governance.portfolios.put(portfolio)
  workspace.governance.portfolios.put(makePortfolio({ id: 'pf-opus', name: 'Opus work', rules: [rule('opus', 'charges', [{ field: 'model', values: ['claude-opus-*'] }])] }))
  // Many rows over a few days and models: a batch whose summary holds far fewer lines than rows.
  const models = ['claude-opus-4', 'claude-sonnet-4', null]
  const charges = Array.from({ length: 300 }, (_, i) =>
    makeCharge({ start: `2026-08-${String((i % 9) + 1).padStart(2, '0')}T00:00:00.000Z`, model: models[i % 3], cost: `${(i % 7) + 0.25}` }),
  )
  importRecords(workspace, runs, [])
  const totals = new CurrencyTotals()
  for (const charge of charges) totals.add(charge.currency, charge.cost)
  workspace.ledger.add(createBatch({ kind: 'charges', format: 'test-billing', fileNames: ['cost.csv'], records: charges, totals: totals.toJSON(), from: null, to: null, skipped: [], warnings: [], importedAt: '2026-10-01T00:00:00.000Z' }))

  const summarized = currentSummarizedAnalysis(workspace)
  expect(summarized.input.charges.length).toBeLessThan(charges.length / 5)
  const fromSummaries = overviewModel(summarized, request)
  expect(fromSummaries).toEqual(overviewModel(currentAnalysis(workspace), request))
  expect(fromSummaries.summaries.find((s) => s.portfolio.name === 'Opus work')).toBeDefined()

  // Both follow a change to what they read.
  workspace.governance.portfolios.delete('pf-opus')
  expect(overviewModel(currentSummarizedAnalysis(workspace), request)).toEqual(overviewModel(currentAnalysis(workspace), request))
})
