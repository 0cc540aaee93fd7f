import { describe, expect, it } from 'vitest'
import { dateOfDay } from './dates'
import { parsePeriod, periodContaining, periodsOverlapping, shiftPeriod } from './periods'

const range = (p: { start: number; end: number }) => [dateOfDay(p.start), dateOfDay(p.end)]

describe('periods', () => {
  it('names calendar quarters, halves, years and months', () => {
    expect(periodContaining('quarter', '2026-08-15', 1).key).toBe('2026-Q3')
    expect(range(parsePeriod('2026-Q3', 1))).toEqual(['2026-07-01', '2026-10-01'])
    expect(range(parsePeriod('2026-H2', 1))).toEqual(['2026-07-01', '2027-01-01'])
    expect(range(parsePeriod('2026', 1))).toEqual(['2026-01-01', '2027-01-01'])
    expect(range(parsePeriod('2026-02', 1))).toEqual(['2026-02-01', '2026-03-01'])
  })

  it('follows the fiscal year start, naming a fiscal year by the year it starts in', () => {
    expect(periodContaining('quarter', '2026-05-10', 4).key).toBe('2026-Q1')
    expect(periodContaining('quarter', '2027-02-10', 4).key).toBe('2026-Q4')
    expect(range(parsePeriod('2026-Q4', 4))).toEqual(['2027-01-01', '2027-04-01'])
    expect(periodContaining('year', '2027-03-31', 4).key).toBe('2026')
    expect(periodContaining('month', '2027-03-31', 4).key).toBe('2027-03')
  })

  it('steps to neighbouring periods across year ends', () => {
    expect(shiftPeriod(parsePeriod('2026-Q1', 1), -1, 1).key).toBe('2025-Q4')
    expect(shiftPeriod(parsePeriod('2026-12', 1), 1, 1).key).toBe('2027-01')
  })

  it('lists the periods of another kind inside a period, with the months they share', () => {
    const q3 = parsePeriod('2026-Q3', 1)
    expect(periodsOverlapping('month', q3, 1).map((o) => [o.period.key, o.monthsInside])).toEqual([['2026-07', 1], ['2026-08', 1], ['2026-09', 1]])
    expect(periodsOverlapping('year', q3, 1).map((o) => [o.period.key, o.monthsInside])).toEqual([['2026', 3]])
  })

  it('rejects malformed keys with the accepted forms', () => {
    expect(() => parsePeriod('Q3-2026', 1)).toThrow(/2026-Q3/)
    expect(() => parsePeriod('2026-13', 1)).toThrow()
  })
})
