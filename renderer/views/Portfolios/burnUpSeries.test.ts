import { expect, test } from 'vitest'
import type { Budget } from '../../../shared/analysis/budgets'
import { parsePeriod } from '../../../shared/analysis/periods'
import { burnUpSeries } from './burnUpSeries'

test('the burn-up runs to today and the forecast continues from there to the period end', () => {
  const period = parsePeriod('2026-07', 1)
  const budget = {
    currency: 'USD',
    envelope: '100',
    forecast: { USD: '62' },
    burnUp: [
      { date: '2026-07-01', spend: '1' },
      { date: '2026-07-02', spend: '2' },
    ],
  } as unknown as Budget
  const series = burnUpSeries(budget, period)
  expect(series.x).toHaveLength(31)
  expect(series.x[0]).toBe(Date.UTC(2026, 6, 1) / 1000)
  expect(series.spent.slice(0, 3)).toEqual([1, 2, null])
  expect(series.forecast[0]).toBeNull()
  expect(series.forecast[1]).toBe(2)
  expect(series.forecast[30]).toBe(62)
  expect(series.envelope[15]).toBe(100)
})
