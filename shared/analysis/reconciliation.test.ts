import { describe, expect, it } from 'vitest'
import { reconcile } from './reconciliation'
import { makeCharge, makeRun } from '../../test/support/analysisFixtures'

describe('reconcile', () => {
  const runs = [
    makeRun({ id: 'a', costUSD: '60' }),
    makeRun({ id: 'b', costUSD: '30.5', costByMonth: { '2026-07': '20.5', '2026-08': '10' } }),
    makeRun({ id: 'c', provider: 'openai', costUSD: '40', start: '2026-08-03T00:00:00.000Z' }),
    makeRun({ id: 'd', provider: 'google', costUSD: '2', start: '2026-08-03T00:00:00.000Z' }),
  ]
  const charges = [
    makeCharge({ cost: '100' }),
    makeCharge({ cost: '0.5', provider: 'Anthropic' }),
    makeCharge({ cost: '9', costKind: 'included' }),
    makeCharge({ cost: '5', start: '2026-08-01T00:00:00.000Z' }),
    makeCharge({ cost: '50', provider: 'openai', currency: 'EUR', start: '2026-08-01T00:00:00.000Z' }),
  ]
  const rows = reconcile(runs, charges)

  it('compares billed and log-estimated USD per provider and month', () => {
    expect(rows[0]).toMatchObject({ provider: 'anthropic', month: '2026-07', billed: { USD: '100.5' }, estimated: { USD: '80.5' }, matched: { USD: '80.5' }, unexplained: { USD: '20.0' }, charges: 3, runs: 2 })
    expect(rows[1]).toMatchObject({ provider: 'anthropic', month: '2026-08', billed: { USD: '5' }, estimated: { USD: '10' }, matched: { USD: '5' }, unexplained: { USD: '-5' } })
  })

  it('lists runs with no billing counterpart', () => {
    expect(rows.find((r) => r.provider === 'google')).toMatchObject({ billed: {}, estimated: { USD: '2' }, runsWithoutBilling: 1 })
    expect(rows.find((r) => r.provider === 'google')!.note).toBe('No google billing imported for 2026-08: 1 run has no billing counterpart.')
  })

  it('never mixes currencies: non-USD billing stays apart', () => {
    const openai = rows.find((r) => r.provider === 'openai')!
    expect(openai).toMatchObject({ billed: { EUR: '50' }, estimated: { USD: '40' }, matched: {}, unexplained: {}, runsWithoutBilling: 0 })
    expect(openai.note).toContain('kept apart')
  })
})
