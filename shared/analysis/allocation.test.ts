import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDecimal, parseDecimal } from '../money/decimal'
import { allocateCharges, estimatedWeights, ProportionalSplitter } from './allocation'
import { chargeKey } from './input'
import { assignRecords } from './rules/assign'
import { buildSpend } from './spend'
import { makeCharge, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'

const weights = (entries: [string | null, string][]) => new Map(entries.map(([bucket, w]) => [bucket, parseDecimal(w)]))
const amounts = (shares: { portfolioId: string | null; amount: { units: bigint; scale: number } }[]) =>
  shares.map((s) => [s.portfolioId, formatDecimal(s.amount)])

const split = (cost: string, w: [string | null, string][]) => new ProportionalSplitter(weights(w)).split(parseDecimal(cost))

describe('ProportionalSplitter', () => {
  it('splits in proportion to the estimated cost, exactly', () => {
    const { shares } = split('100.00', ([['web', '3'], ['incidents', '1'], [null, '2']]))
    expect(amounts(shares)).toEqual([['incidents', '16.67'], ['web', '50.00'], [null, '33.33']])
  })

  it('gives the rounding remainder to the largest share, the first in bucket order on a tie', () => {
    const even = split('10.00', ([['b', '1'], ['a', '1'], [null, '1']]))
    expect(amounts(even.shares)).toEqual([['a', '3.34'], ['b', '3.33'], [null, '3.33']])
    expect(even.remainderBucket).toBe('a')
    const skewed = split('1', ([['a', '1'], ['b', '2']]))
    expect(amounts(skewed.shares)).toEqual([['a', '0.33'], ['b', '0.67']])
  })

  it('always sums exactly to the amount, whatever the weights', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat(8), fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 12 }), (units, scale, ws) => {
        const { shares } = new ProportionalSplitter(new Map(ws.map((w, i) => [`p${i}`, { units: w, scale: 3 }]))).split({ units, scale })
        const sum = shares.reduce((acc, s) => acc + s.amount.units * 10n ** BigInt(Math.max(scale, 2) - s.amount.scale), 0n)
        expect(sum).toBe(units * 10n ** BigInt(Math.max(scale, 2) - scale))
      }),
    )
  })

  it('keeps refunds and long fractions exact', () => {
    const { shares } = split('-0.000000000000000000000000000007', ([['a', '1'], ['b', '1']]))
    const total = shares.reduce((sum: bigint, s) => sum + s.amount.units * 10n ** BigInt(30 - s.amount.scale), 0n)
    expect(total).toBe(-7n)
  })
})

describe('allocateCharges', () => {
  const runs = [
    makeRun({ id: 'w1', costUSD: '3', start: '2026-07-03T00:00:00.000Z' }),
    makeRun({ id: 'i1', costUSD: '1', start: '2026-07-04T00:00:00.000Z' }),
    makeRun({ id: 'o1', costUSD: '5', provider: 'openai', start: '2026-07-04T00:00:00.000Z' }),
  ]
  const bucketOf = (run: { id: string }) => ({ w1: 'web', i1: 'incidents' })[run.id as 'w1'] ?? null
  const weightsOf = (list: typeof runs) => estimatedWeights(list, bucketOf)
  const names = new Map([['web', 'Web work'], ['incidents', 'Incident triage']])

  it('allocates per provider and month, says how, and sums to the billed total', () => {
    const charges = [makeCharge({ cost: '40', provider: 'Anthropic' }), makeCharge({ cost: '0.01' })]
    const { shares, explanations } = allocateCharges(charges, weightsOf(runs), new Map(), names)
    expect(explanations).toHaveLength(1)
    const [explanation] = explanations
    expect(explanation).toMatchObject({ provider: 'anthropic', month: '2026-07', currency: 'USD', charges: 2, total: '40.01', method: 'proportional-to-estimated-runs' })
    expect(explanation.shares).toEqual([
      { portfolioId: 'incidents', estimatedUSD: '1', amount: '10.00', tookRemainder: false },
      { portfolioId: 'web', estimatedUSD: '3', amount: '30.01', tookRemainder: false },
    ])
    expect(explanation.text).toContain('split in proportion to the log-estimated cost')
    expect(explanation.text).toMatch(/^2 anthropic charges of 2026-07 \(\$40\.01\) have no workflow dimension: split/)
    expect(explanation.text).toContain('"Web work" $3.00 → $30.01')
    // Both charges are from the same day: split together, each share naming the charges it comes from.
    expect(shares.map((s) => [s.portfolioId, formatDecimal(s.amount), s.chargeKeys])).toEqual([
      ['incidents', '10.00', charges.map(chargeKey)],
      ['web', '30.01', charges.map(chargeKey)],
    ])
    const equalRuns = [makeRun({ id: 'w1', costUSD: '1' }), makeRun({ id: 'i1', costUSD: '1' }), makeRun({ id: 'x', costUSD: '1' })]
    const thirds = allocateCharges([makeCharge({ cost: '10.00' })], weightsOf(equalRuns), new Map(), names).explanations[0]
    expect(thirds.shares.map((s) => [s.portfolioId, s.amount, s.tookRemainder])).toEqual([
      ['incidents', '3.34', true],
      ['web', '3.33', false],
      [null, '3.33', false],
    ])
  })

  it('keeps charges Unassigned when no runs were logged for that provider and month', () => {
    const { explanations } = allocateCharges([makeCharge({ provider: 'google', cost: '5' })], weightsOf(runs), new Map(), names)
    expect(explanations[0]).toMatchObject({ method: 'no-runs-logged', shares: [{ portfolioId: null, amount: '5', tookRemainder: false }] })
    expect(explanations[0].text).toContain('kept Unassigned')
    expect(explanations[0].text).toMatch(/^1 google charge of 2026-07 \(\$5\.00\) has no workflow dimension and no logged runs/)
  })

  it('counts included and not-charged lines as no money', () => {
    const { explanations } = allocateCharges([makeCharge({ cost: '4', costKind: 'included' }), makeCharge({ cost: '4', costKind: 'not_charged' }), makeCharge({ cost: '4' })], weightsOf(runs), new Map(), names)
    expect(explanations[0]).toMatchObject({ charges: 3, total: '4' })
  })

  it('keeps currencies apart', () => {
    const { explanations } = allocateCharges([makeCharge({ cost: '8', currency: 'EUR' }), makeCharge({ cost: '4' })], weightsOf(runs), new Map(), names)
    expect(explanations.map((e) => [e.currency, e.total])).toEqual([['EUR', '8'], ['USD', '4']])
  })
})

describe('buildSpend', () => {
  const web = makePortfolio({ id: 'web', rules: [rule('repo', 'runs', [{ field: 'repo', values: ['acme/web'] }])] })
  const bot = makePortfolio({ id: 'bot', rules: [rule('proj', 'charges', [{ field: 'project', values: ['bot'] }]), rule('bot-runs', 'runs', [{ field: 'repo', values: ['acme/bot'] }])] })
  const runs = [
    makeRun({ id: 'w', repo: 'acme/web', costUSD: '2' }),
    makeRun({ id: 'b', repo: 'acme/bot', costUSD: '2' }),
    makeRun({ id: 'aug', repo: 'acme/web', costUSD: '7', start: '2026-08-02T00:00:00.000Z' }),
  ]
  const charges = [makeCharge({ project: 'bot', cost: '5' }), makeCharge({ cost: '20' })]
  const input = { portfolios: [web, bot], runs, charges, recipes: [] }
  const spend = buildSpend(input, assignRecords(input))

  it('bills rule-matched charges directly and leaves portfolios billed directly out of the allocation', () => {
    const by = (basis: string) => spend.entries.filter((e) => e.basis === basis).map((e) => [e.portfolioId, formatDecimal(e.amount), e.sources])
    expect(by('billed')).toEqual([['bot', '5', [chargeKey(charges[0])]]])
    expect(by('allocated')).toEqual([['web', '20.00', [chargeKey(charges[1])]]])
    expect(spend.allocations[0].excludedPortfolios).toEqual(['bot'])
  })

  it('counts run estimates only where no billing was imported, so nothing is counted twice', () => {
    const estimated = spend.entries.filter((e) => e.basis === 'estimated')
    expect(estimated.map((e) => [e.portfolioId, formatDecimal(e.amount), e.sources])).toEqual([['web', '7', ['aug']]])
  })
})
