import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readAnalysisInput, readSummarizedAnalysisInput } from '../analysis/workspaceInput'
import { makePortfolio, rule } from '../../test/support/analysisFixtures'
import { anthropicConsoleKeyOfCharge } from '../batches/anthropicConsoleKey'
import type { Batch } from '../batches/batch'
import { importedChargeBatch } from '../../test/support/chargeBatchFixture'
import { UniqueIdentities } from '../batches/identities'
import type { Charge } from '../records/charge'
import { buildPortfolioReport } from '../reports/portfolioReport'
import { Governance } from './governance'
import { Ledger } from './ledger'
import { decodeWorkspaceFile, encodeWorkspaceFile } from './workspaceFile'

let line = 0
function charge(overrides: Partial<Charge> = {}): Charge {
  line += 1
  return {
    identity: `row-${line}`, format: 'anthropic-console-cost', provider: 'anthropic', start: '2026-08-05T00:00:00.000Z', end: null,
    granularity: 'day', model: 'claude-sonnet-4', service: null, account: null, workspace: 'Default', project: null,
    apiKey: 'ci-key', costCenter: null, user: null, tokenType: 'output', tokens: null, quantity: null, cost: '1.5',
    currency: 'USD', costKind: 'billed', chargeType: 'usage', tags: {}, source: { file: 'cost.csv', line },
    ...overrides,
  }
}

function chargeBatch(charges: Charge[], format = charges[0].format): Batch {
  return importedChargeBatch(charges, { format, fileName: 'cost.csv', importedAt: `2026-11-0${line % 9 + 1}T00:00:00.000Z` })
}

const sameDay = () => [charge(), charge(), charge({ model: 'claude-opus-4', cost: '4' })]

describe('the ledger reads charges from batch summaries', () => {
  test('as lines that stand for every charge, through the workspace file and sync', () => {
    const ledger = new Ledger(new Y.Doc())
    ledger.add(chargeBatch(sameDay()))
    const docs = decodeWorkspaceFile(encodeWorkspaceFile({ governance: new Y.Doc(), ledger: ledger.doc }))
    const replica = new Ledger(new Y.Doc())
    Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(docs.ledger))
    const lines = replica.summarizedCharges(new Set(['model']))!.records
    expect(lines.map((l) => [l.model, l.cost, l.rows])).toEqual([['claude-sonnet-4', '3.0', 2], ['claude-opus-4', '4', 1]])
    // The meta listed is the batch's own: the summary stays beside it, like the payload.
    expect(replica.list().records[0]).not.toHaveProperty('summary')
  })

  test('from a batch the app wrote in parts, through the workspace file', async () => {
    const ledger = new Ledger(new Y.Doc())
    const batch = chargeBatch(sameDay())
    expect(await ledger.addInParts(batch, 64, async () => {})).toBe('added')
    expect(ledger.payloadParts.size).toBeGreaterThan(1)
    const read = new Ledger(decodeWorkspaceFile(encodeWorkspaceFile({ governance: new Y.Doc(), ledger: ledger.doc })).ledger)
    expect(read.summarizedCharges(new Set(['model']))!.records.map((l) => [l.model, l.cost, l.rows])).toEqual([['claude-sonnet-4', '3.0', 2], ['claude-opus-4', '4', 1]])
    expect(read.charges().records).toHaveLength(3)
  })

  test('not from a batch stored without a summary (an older version) or with a damaged one: its rows are read', () => {
    const batch = chargeBatch(sameDay())
    const { summary, ...older } = batch
    expect(summary).toBeDefined()
    const ledger = new Ledger(new Y.Doc())
    ledger.add(older)
    expect(ledger.summarizedCharges(new Set())).toBeNull()
    expect(ledger.charges().records).toHaveLength(3)

    const damaged = new Ledger(new Y.Doc())
    const bytes = summary!.slice()
    bytes[bytes.length - 10] ^= 1
    damaged.batches.set(batch.meta.id, { ...batch.meta, payload: batch.payload, summary: bytes })
    expect(damaged.summarizedCharges(new Set())).toBeNull()
    expect(damaged.charges().records).toHaveLength(3)
  })

  test('not when two batches of one format may hold the same rows, nor when a rule reads a field left out', () => {
    const ledger = new Ledger(new Y.Doc())
    ledger.add(chargeBatch(sameDay()))
    ledger.add(chargeBatch([charge({ format: 'openai-cost', provider: 'openai', model: 'gpt-5' })]))
    expect(ledger.summarizedCharges(new Set(['model', 'apiKey']))!.records).toHaveLength(3)
    ledger.add(chargeBatch([charge({ cost: '7' })], 'anthropic-console-cost-by-another-name'))
    expect(ledger.summarizedCharges(new Set())).toBeNull()
    ledger.add(chargeBatch([charge({ cost: '8' })]))
    expect(ledger.summarizedCharges(new Set())).toBeNull()

    const manyKeys = new Ledger(new Y.Doc())
    manyKeys.add(chargeBatch(Array.from({ length: 1_001 }, (_, i) => charge({ apiKey: `key-${i}` }))))
    expect(manyKeys.summarizedCharges(new Set(['model', 'start', 'provider']))!.records).toHaveLength(1)
    expect(manyKeys.summarizedCharges(new Set(['apiKey']))).toBeNull()
  })

  test('for a report, unless a rule in force today or in an earlier definition reads what the summaries leave out', () => {
    const ledger = new Ledger(new Y.Doc())
    ledger.add(chargeBatch(Array.from({ length: 1_001 }, (_, i) => charge({ apiKey: `key-${i % 2 ? 'ci' : 'dev'}-${i}`, cost: String(i) }))))
    const governance = new Governance(new Y.Doc())
    governance.portfolios.put(makePortfolio({ id: 'sonnet', rules: [rule('sonnet', 'charges', [{ field: 'model', values: ['*sonnet*'] }])] }))
    const summarized = readSummarizedAnalysisInput(governance, ledger, '2026-12-01')
    expect(summarized.charges).toHaveLength(1)
    expect(buildPortfolioReport(summarized)).toEqual(buildPortfolioReport(readAnalysisInput(governance, ledger, '2026-12-01')))

    // Before this quarter the portfolio took the CI keys' charges: the August report reads rows.
    const ci = rule('ci', 'charges', [{ field: 'apiKey', values: ['key-ci-*'] }])
    governance.portfolioChanges.put({ id: 'c1', portfolioId: 'sonnet', at: '2026-10-01T00:00:00.000Z', by: 'p1', effectiveFrom: '2026-Q4', before: { rules: [ci] }, after: { rules: [] } })
    const again = readSummarizedAnalysisInput(governance, ledger, '2026-12-01')
    expect(again.charges).toHaveLength(1_001)
    const august = buildPortfolioReport(again, { period: '2026-Q3' }).portfolios[0]
    expect(august.charges).toBe(500)
  })

  test('row by row, without the fields the analysis does not read, and still each row once', () => {
    const rows = [charge({ tokenType: 'input' }), charge({ tokenType: 'output', cost: '2' }), charge({ tokenType: 'cache_read', cost: '3' })]
    const keys = new UniqueIdentities()
    const today = rows.map((row) => ({ ...row, identity: keys.next(anthropicConsoleKeyOfCharge(row)).identity }))
    // Stored before identities were versioned: the same rows under other identities, keyed again on read from their token types.
    const legacy = chargeBatch(rows.map((row, i) => ({ ...row, identity: `legacy-${i}` })))
    const { identityVersion: _version, ...legacyMeta } = legacy.meta
    const ledger = new Ledger(new Y.Doc())
    ledger.add({ ...legacy, meta: legacyMeta })
    ledger.add(chargeBatch([...today, charge({ tokenType: 'output', cost: '5' })]))
    // Read afresh, as a command reads it: nothing decoded before.
    const fresh = () => {
      const replica = new Ledger(new Y.Doc())
      Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(ledger.doc))
      return replica
    }
    const lines = fresh().chargeLines().records
    expect(lines.map((line) => [line.identity, line.cost])).toEqual(fresh().charges().records.map((c) => [c.identity, c.cost]))
    expect(lines).toHaveLength(4)
    expect(Object.keys(lines[0])).toContain('tokenType')
    expect(Object.keys(lines[3]).sort()).toEqual(['account', 'apiKey', 'batchId', 'costCenter', 'costKind', 'cost', 'currency', 'end', 'format', 'identity', 'model', 'project', 'provider', 'start', 'tags', 'workspace'].sort())
  })
})
