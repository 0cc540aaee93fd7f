import type { EnvelopePeriod } from '../records/portfolio'
import { dateOfDay, dayOf, firstDayOfMonth, type DayNumber } from './dates'

/**
 * A budget period: a calendar month, or a fiscal quarter, half or year.
 * Keys: "2026-07" (month), "2026-Q3", "2026-H2", "2026" (fiscal year). Fiscal periods follow
 * settings.fiscalYearStartMonth; a fiscal year is named by the calendar year it starts in
 * (start month 4: "2026-Q1" is April–June 2026). Days are UTC; `end` is exclusive.
 */
export interface Period {
  key: string
  kind: EnvelopePeriod
  start: DayNumber
  end: DayNumber
  /** First month as year*12 + (month-1); every period is made of whole months. */
  firstMonthIndex: number
  months: number
}

const MONTHS_PER_KIND: Record<EnvelopePeriod, number> = { month: 1, quarter: 3, half: 6, year: 12 }

export function monthsPerPeriod(kind: EnvelopePeriod): number {
  return MONTHS_PER_KIND[kind]
}

function periodFromMonthIndex(kind: EnvelopePeriod, firstMonthIndex: number, key: string): Period {
  const months = MONTHS_PER_KIND[kind]
  const year = Math.floor(firstMonthIndex / 12)
  const month = (firstMonthIndex % 12) + 1
  return {
    key,
    kind,
    start: firstDayOfMonth(year, month),
    end: firstDayOfMonth(year, month + months),
    firstMonthIndex,
    months,
  }
}

function keyFor(kind: EnvelopePeriod, firstMonthIndex: number, fiscalYearStartMonth: number): string {
  if (kind === 'month') {
    return `${Math.floor(firstMonthIndex / 12)}-${String((firstMonthIndex % 12) + 1).padStart(2, '0')}`
  }
  const offset = firstMonthIndex - (fiscalYearStartMonth - 1)
  const fiscalYear = Math.floor(offset / 12)
  const monthInYear = offset - fiscalYear * 12
  if (kind === 'year') return String(fiscalYear)
  if (kind === 'half') return `${fiscalYear}-H${monthInYear / 6 + 1}`
  return `${fiscalYear}-Q${monthInYear / 3 + 1}`
}

/** The period of a kind that contains a day (or ISO date). */
export function periodContaining(kind: EnvelopePeriod, day: DayNumber | string, fiscalYearStartMonth: number): Period {
  const date = dateOfDay(typeof day === 'string' ? dayOf(day) : day)
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
  const months = MONTHS_PER_KIND[kind]
  const fiscalOffset = kind === 'month' ? 0 : fiscalYearStartMonth - 1
  const first = monthIndex - ((((monthIndex - fiscalOffset) % months) + months) % months)
  return periodFromMonthIndex(kind, first, keyFor(kind, first, fiscalYearStartMonth))
}

const PERIOD_KEY = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/

/** Parses "2026-Q3", "2026-H2", "2026-07" or "2026"; throws with the accepted forms otherwise. */
export function parsePeriod(key: string, fiscalYearStartMonth: number): Period {
  const match = PERIOD_KEY.exec(key.trim())
  if (!match) throw new Error(`not a period: "${key}" (use 2026-Q3, 2026-H2, 2026-07 or 2026)`)
  const year = Number(match[1])
  const fiscalStart = year * 12 + fiscalYearStartMonth - 1
  if (match[2]) return periodFromMonthIndex('month', year * 12 + Number(match[2]) - 1, key.trim())
  if (match[3]) return periodFromMonthIndex('quarter', fiscalStart + (Number(match[3]) - 1) * 3, key.trim())
  if (match[4]) return periodFromMonthIndex('half', fiscalStart + (Number(match[4]) - 1) * 6, key.trim())
  return periodFromMonthIndex('year', fiscalStart, key.trim())
}

export function shiftPeriod(period: Period, by: number, fiscalYearStartMonth: number): Period {
  const first = period.firstMonthIndex + by * period.months
  return periodFromMonthIndex(period.kind, first, keyFor(period.kind, first, fiscalYearStartMonth))
}

export function containsDay(period: Period, day: DayNumber): boolean {
  return day >= period.start && day < period.end
}

export function periodDays(period: Period): number {
  return period.end - period.start
}

/** Periods of `kind` that overlap `within`, each with the number of its months inside it. */
export function periodsOverlapping(kind: EnvelopePeriod, within: Period, fiscalYearStartMonth: number): { period: Period; monthsInside: number }[] {
  const out: { period: Period; monthsInside: number }[] = []
  let period = periodContaining(kind, within.start, fiscalYearStartMonth)
  while (period.start < within.end) {
    const first = Math.max(period.firstMonthIndex, within.firstMonthIndex)
    const last = Math.min(period.firstMonthIndex + period.months, within.firstMonthIndex + within.months)
    out.push({ period, monthsInside: last - first })
    period = shiftPeriod(period, 1, fiscalYearStartMonth)
  }
  return out
}
