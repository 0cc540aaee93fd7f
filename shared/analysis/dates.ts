/**
 * Calendar days as integers (days since 1970-01-01, UTC). Budgets, burn-up and forecasts
 * work on whole UTC days so that a report is the same on every machine, in every time zone.
 */
export type DayNumber = number

const MS_PER_DAY = 86_400_000

// Every run and charge is dated, often on the same few hundred days: parsing once per date string keeps reports fast.
const parsedDays = new Map<string, DayNumber>()

/** "2026-07-14" or a full ISO instant → its UTC day. */
export function dayOf(isoDateOrInstant: string): DayNumber {
  const date = isoDateOrInstant.slice(0, 10)
  const cached = parsedDays.get(date)
  if (cached !== undefined) return cached
  const [year, month, day] = date.split('-').map(Number)
  const ms = Date.UTC(year, month - 1, day)
  if (Number.isNaN(ms)) throw new Error(`not a date: "${isoDateOrInstant}"`)
  if (parsedDays.size > 100_000) parsedDays.clear()
  parsedDays.set(date, Math.floor(ms / MS_PER_DAY))
  return parsedDays.get(date)!
}

export function dateOfDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The UTC month key ("2026-07") of a date or instant. */
export function monthOf(isoDateOrInstant: string): string {
  return isoDateOrInstant.slice(0, 7)
}

/** Year and month (1-12) → the UTC day of the 1st; months beyond 12 roll into later years. */
export function firstDayOfMonth(year: number, month: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, 1) / MS_PER_DAY)
}

/** Monday of the ISO week holding the day: weekly adoption series start on Mondays. */
export function weekStartOf(day: DayNumber): DayNumber {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return day - (((day + 3) % 7) + 7) % 7
}
