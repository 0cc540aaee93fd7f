import { describe, expect, it } from 'vitest'
import { formatDecimal, parseDecimal, type Decimal } from '../money/decimal'
import { DailySpend } from './dailySpend'
import { dayOf } from './dates'
import { forecastPeriodEnd } from './forecast'
import { parsePeriod } from './periods'

const q2 = parsePeriod('2026-Q2', 1)
const q3 = parsePeriod('2026-Q3', 1)

function spendOf(days: [string, string][]) {
  const daily = new DailySpend(days.map(([day, amount]) => ({ portfolioId: 'p', day: dayOf(day), currency: 'USD', amount: parseDecimal(amount), basis: 'estimated' as const, sources: [day], counts: [0] })))
  return (from: number, to: number): Decimal => daily.sum('p', 'USD', from, to)
}

describe('forecastPeriodEnd', () => {
  it('is linear on the days elapsed when there is no previous period', () => {
    // 1 July to 15 August: 46 of 92 days.
    const forecast = forecastPeriodEnd(q3, q2, dayOf('2026-08-15'), spendOf([['2026-07-02', '200'], ['2026-08-15', '260']]), 'USD')
    expect(forecast.method).toBe('linear')
    expect(formatDecimal(forecast.amount)).toBe('920.00')
    expect(forecast.explanation).toBe('$460.00 spent in 46 of 92 days, continued at the same daily rate: $920.00.')
  })

  it("follows last period's shape once one exists", () => {
    // Q2 spent 100 of its 400 by day 46; Q3 spent 460 by day 46 → 460 × 400 / 100.
    const spend = spendOf([['2026-04-01', '100'], ['2026-06-01', '300'], ['2026-07-02', '460']])
    const forecast = forecastPeriodEnd(q3, q2, dayOf('2026-08-15'), spend, 'USD')
    expect(forecast.method).toBe('last-period-pattern')
    expect(formatDecimal(forecast.amount)).toBe('1840.00')
  })

  it('falls back to linear when last period had spent nothing by the same day', () => {
    const spend = spendOf([['2026-06-20', '100'], ['2026-07-02', '46']])
    const forecast = forecastPeriodEnd(q3, q2, dayOf('2026-08-15'), spend, 'USD')
    expect([forecast.method, formatDecimal(forecast.amount)]).toEqual(['linear', '92.00'])
  })

  it('is the actual spend once the period is over, and last period’s spend before it starts', () => {
    const spend = spendOf([['2026-05-01', '80'], ['2026-07-02', '50'], ['2026-09-30', '25']])
    expect(formatDecimal(forecastPeriodEnd(q3, q2, dayOf('2026-10-05'), spend, 'USD').amount)).toBe('75')
    const notStarted = forecastPeriodEnd(q3, q2, dayOf('2026-06-20'), spend, 'USD')
    expect([notStarted.method, formatDecimal(notStarted.amount)]).toEqual(['not-started', '80'])
  })
})
