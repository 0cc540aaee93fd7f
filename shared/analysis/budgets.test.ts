import { describe, expect, it } from 'vitest'
import { parseDecimal } from '../money/decimal'
import type { EnvelopeMove, Portfolio } from '../records/portfolio'
import { portfolioBudget } from './budgets'
import { DailySpend } from './dailySpend'
import { dayOf } from './dates'
import { parsePeriod } from './periods'
import { makePortfolio } from '../../test/support/analysisFixtures'

const q3 = parsePeriod('2026-Q3', 1)

function dailyOf(spend: [string, string, string, string?][]) {
  return new DailySpend(
    spend.map(([portfolioId, day, amount, currency = 'USD']) => ({ portfolioId, day: dayOf(day), currency, amount: parseDecimal(amount), basis: 'estimated' as const, sources: [day], counts: [0] })),
  )
}

function budget(portfolio: Portfolio, spend: [string, string, string, string?][], moves: EnvelopeMove[] = [], asOf = '2026-08-15') {
  return portfolioBudget(portfolio, q3, { daily: dailyOf(spend), moves, fiscalYearStartMonth: 1, asOf: dayOf(asOf) })
}

function move(id: string, from: string, to: string, amount: string, currency = 'USD', period = '2026-Q3'): EnvelopeMove {
  return { id, period, fromPortfolio: from, toPortfolio: to, amount, currency, reason: 'incident season', at: '2026-07-20T00:00:00.000Z' }
}

describe('portfolioBudget', () => {
  it('reports spend, envelope, forecast and a daily burn-up', () => {
    const result = budget(makePortfolio({ id: 'p' }), [['p', '2026-07-01', '100'], ['p', '2026-07-03', '50']])
    expect(result).toMatchObject({ period: '2026-Q3', currency: 'USD', envelope: '1000', spend: { USD: '150' }, forecastMethod: 'linear', usedShare: 0.15 })
    expect(result.forecast.USD).toBe('300.00')
    expect(result.burnUp.slice(0, 4)).toEqual([
      { date: '2026-07-01', spend: '100' },
      { date: '2026-07-02', spend: '100' },
      { date: '2026-07-03', spend: '150' },
      { date: '2026-07-04', spend: '150' },
    ])
    expect(result.burnUp.at(-1)!.date).toBe('2026-08-15')
  })

  it('carries unspent and overspent amounts into the next period when rollover is on', () => {
    const portfolio = makePortfolio({ id: 'p', envelope: { amount: '1000', currency: 'USD', period: 'quarter', rollover: true } })
    const spend: [string, string, string][] = [['p', '2026-02-01', '600'], ['p', '2026-05-01', '1500']]
    const result = budget(portfolio, spend)
    // Q1: 1000 − 600 → +400 into Q2 (1400); Q2: 1400 − 1500 → −100 into Q3.
    expect(result.steps).toEqual([{ period: '2026-Q3', base: '1000', moves: '0', carriedIn: '-100', effective: '900', spend: '0' }])
    expect(result.envelope).toBe('900')
    expect(result.envelopeParts).toEqual({ base: '1000', moves: '0', rollover: '-100' })
    const without = budget(makePortfolio({ id: 'p' }), spend)
    expect(without.envelope).toBe('1000')
  })

  it('starts the rollover chain in the period the portfolio was created', () => {
    const portfolio = makePortfolio({ id: 'p', createdAt: '2026-04-10T00:00:00.000Z', envelope: { amount: '1000', currency: 'USD', period: 'quarter', rollover: true } })
    // Spend in Q1 (before the portfolio existed) carries nothing.
    expect(budget(portfolio, [['p', '2026-02-01', '600'], ['p', '2026-05-01', '700']]).envelope).toBe('1300')
  })

  it('applies envelope moves between portfolios, zero-sum, ignoring moves in another currency', () => {
    const moves = [move('m1', 'a', 'b', '200'), move('m2', 'b', 'a', '50'), move('m3', 'a', 'b', '999', 'EUR'), move('m4', 'a', 'b', '70', 'USD', '2026-Q2')]
    const a = budget(makePortfolio({ id: 'a' }), [], moves)
    const b = budget(makePortfolio({ id: 'b' }), [], moves)
    expect([a.envelope, b.envelope]).toEqual(['850', '1150'])
    expect(a.envelopeParts.moves).toBe('-150')
    expect(a.ignoredMoveIds).toEqual(['m3'])
  })

  it('turns crossing 80% and 100% into review items, never a block', () => {
    const result = budget(makePortfolio({ id: 'p', name: 'Incident triage' }), [['p', '2026-07-05', '500'], ['p', '2026-07-20', '300'], ['p', '2026-08-02', '250']])
    expect(result.reviewItems.map((i) => [i.threshold, i.crossedOn, i.spend])).toEqual([[80, '2026-07-20', '800'], [100, '2026-08-02', '1050']])
    expect(result.reviewItems[1].message).toBe('"Incident triage" reached 100% of its 2026-Q3 envelope on 2026-08-02. Nothing is blocked: add it to the next review and ask for outcome notes.')
    expect(result.spend.USD).toBe('1050')
  })

  it('adds up monthly envelopes, with their rollover, over a quarter', () => {
    const portfolio = makePortfolio({ id: 'p', envelope: { amount: '100', currency: 'USD', period: 'month', rollover: true }, createdAt: '2026-07-01T00:00:00.000Z' })
    const result = budget(portfolio, [['p', '2026-07-10', '50'], ['p', '2026-08-10', '180']])
    // July 100; August 100 + 50; September 100 + (150 − 180).
    expect(result.steps.map((s) => [s.period, s.effective])).toEqual([['2026-07', '100'], ['2026-08', '150'], ['2026-09', '70']])
    expect(result.envelope).toBe('320')
  })

  it('carries nothing into periods before the portfolio existed, even inside the report period', () => {
    const portfolio = makePortfolio({ id: 'p', envelope: { amount: '100', currency: 'USD', period: 'month', rollover: true }, createdAt: '2026-08-10T00:00:00.000Z' })
    const result = budget(portfolio, [['p', '2026-07-10', '30'], ['p', '2026-08-10', '40']])
    expect(result.steps.map((s) => [s.period, s.carriedIn, s.effective])).toEqual([['2026-07', '0', '100'], ['2026-08', '0', '100'], ['2026-09', '60', '160']])
    const later = makePortfolio({ ...portfolio, createdAt: '2026-12-01T00:00:00.000Z' })
    expect(budget(later, []).envelope).toBe('300')
  })

  it('prorates a yearly envelope by months', () => {
    const portfolio = makePortfolio({ id: 'p', envelope: { amount: '1000', currency: 'USD', period: 'year', rollover: false } })
    expect(budget(portfolio, []).envelope).toBe('250.00')
  })

  it('shows spend in other currencies beside the envelope, never converted', () => {
    const result = budget(makePortfolio({ id: 'p' }), [['p', '2026-07-02', '100'], ['p', '2026-07-02', '40', 'EUR']])
    expect(result.spend).toEqual({ EUR: '40', USD: '100' })
    expect(result.usedShare).toBe(0.1)
  })
})
