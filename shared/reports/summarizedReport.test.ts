import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { AnalysisInput, ChargeLine } from '../analysis/input'
import { makeInput, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import { importedChargeBatch } from '../../test/support/chargeBatchFixture'
import { ChargeType, CostKind, type Charge } from '../records/charge'
import { Ledger } from '../workspace/ledger'
import { buildPortfolioReport } from './portfolioReport'

const portfolios = [
  makePortfolio({ id: 'opus', rules: [rule('opus', 'charges', [{ field: 'model', values: ['*opus*'] }, { field: 'workspace', values: ['Default'] }])] }),
  makePortfolio({ id: 'geo', rules: [rule('geo', 'charges', [{ field: 'tag', key: 'geo', values: ['us'] }, { field: 'project', values: ['web'] }], 'any')] }),
  makePortfolio({ id: 'spring', rules: [rule('spring', 'charges', [{ field: 'dateRange', values: ['2026-03-01..2026-05-31'] }, { field: 'provider', values: ['Anthropic'] }])] }),
  makePortfolio({ id: 'keys', rules: [rule('keys', 'charges', [{ field: 'apiKey', values: ['ci-*'] }, { field: 'costCenter', values: ['CC-1'] }, { field: 'account', values: ['acme'] }])] }),
  makePortfolio({ id: 'web', rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/web'] }])] }),
]

// Days around quarter and month ends, so lines of several rows cross periods.
const day = fc.constantFrom(0, 1, 58, 59, 60, 89, 90, 91, 150, 300).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10))
const amount = fc.tuple(fc.integer({ min: -500, max: 5000 }), fc.constantFrom(0, 1, 2, 6)).map(([units, scale]) => {
  const digits = String(Math.abs(units)).padStart(scale + 1, '0')
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
  return units < 0 ? `-${text}` : text
})
// A few kinds of row, each repeated on a few days: most lines of a summary stand for several rows.
const kind = fc.record({
  provider: fc.constantFrom('Anthropic', 'anthropic', 'openai'),
  model: fc.constantFrom(null, 'claude-opus-4', 'claude-sonnet-4', 'gpt-5'),
  account: fc.constantFrom(null, 'acme', 'globex'),
  workspace: fc.constantFrom(null, 'Default', 'Research'),
  project: fc.constantFrom(null, 'web', 'api'),
  apiKey: fc.constantFrom(null, 'ci-key', 'dev-key'),
  costCenter: fc.constantFrom(null, 'CC-1', 'CC-2'),
  tags: fc.constantFrom<Record<string, string>>({}, { geo: 'us' }, { geo: 'eu' }, { geo: 'us', speed: 'fast' }),
  currency: fc.constantFrom('USD', 'USD', 'EUR'),
  costKind: fc.constantFrom('billed', 'billed', ...CostKind.options),
})
const charges = fc.array(kind, { minLength: 1, maxLength: 5 }).chain((kinds) =>
  fc.array(
    fc.record({ kind: fc.constantFrom(...kinds), day, hour: fc.integer({ min: 0, max: 23 }), cost: amount, chargeType: fc.constantFrom(...ChargeType.options) }).map(({ kind, ...row }) => ({ ...kind, ...row })),
    { minLength: 1, maxLength: 120 },
  ),
)
const run = fc.record({ day, repo: fc.constantFrom('acme/web', 'acme/api'), provider: fc.constantFrom('anthropic', 'openai'), cost: amount.map((a) => a.replace('-', '')) })

function asCharges(rows: (typeof charges extends fc.Arbitrary<infer T> ? T : never)): Charge[] {
  return rows.map((row, i) => ({
    identity: `row-${i}`, format: 'test-billing', provider: row.provider, start: `${row.day}T${String(row.hour).padStart(2, '0')}:00:00.000Z`, end: null,
    granularity: 'hour', model: row.model, service: null, account: row.account, workspace: row.workspace, project: row.project, apiKey: row.apiKey,
    costCenter: row.costCenter, user: null, tokenType: null, tokens: null, quantity: null, cost: row.cost, currency: row.currency,
    costKind: row.costKind, chargeType: row.chargeType, tags: row.tags, source: { file: 'billing.csv', line: i + 2 },
  }))
}


describe('a report from batch summaries', () => {
  test('is the report from every charge, for any charges, runs and period', () => {
    fc.assert(
      fc.property(charges, fc.array(run, { maxLength: 6 }), (rows, runRows) => {
        const ledger = new Ledger(new Y.Doc())
        ledger.add(importedChargeBatch(asCharges(rows)))
        const runs = runRows.map((r, i) => makeRun({ id: `run-${i}`, start: `${r.day}T09:00:00.000Z`, repo: r.repo, provider: r.provider, costUSD: r.cost }))
        const lines = ledger.summarizedCharges(new Set(['model', 'workspace', 'tags', 'project', 'apiKey', 'costCenter', 'account', 'start', 'provider']))
        expect(lines!.records.length).toBeLessThanOrEqual(rows.length)
        const full = makeInput({ portfolios, runs, charges: ledger.charges().records, asOf: '2026-12-06' })
        const summed: AnalysisInput<ChargeLine> = { ...full, charges: lines!.records }
        for (const period of [undefined, '2026-Q1', '2026-Q2', '2026-03', '2026']) expect(buildPortfolioReport(summed, { period })).toEqual(buildPortfolioReport(full, { period }))
      }),
      { numRuns: 150 },
    )
  })
})
