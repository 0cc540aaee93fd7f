import { useSyncExternalStore } from 'react'
import { dayOf } from '../../shared/analysis/dates'
import type { AnalysisInput, ChargeLine } from '../../shared/analysis/input'
import { periodContaining, type Period } from '../../shared/analysis/periods'
import { choosePeriod } from '../../shared/reports/choosePeriod'

/**
 * The period the Overview and the portfolio pages show. Null means "automatic": the same choice
 * as the CLI report (the current fiscal quarter, or the latest quarter with data), so the app
 * and `cli report` agree by default. The choice is kept for the session, shared by the views.
 */
let chosen: string | null = readStored()
const listeners = new Set<() => void>()
const STORAGE_KEY = 'workfolio.period'

function readStored(): string | null {
  try {
    return globalThis.sessionStorage?.getItem('workfolio.period') ?? null
  } catch {
    return null
  }
}

export function setPeriodChoice(key: string | null): void {
  chosen = key
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key)
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Private mode without storage: the choice lasts until the view is left.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export interface PeriodChoice {
  period: Period
  source: 'requested' | 'current' | 'latest-with-data'
  /** The stored choice, or null when automatic. */
  chosen: string | null
}

export function resolvePeriod(input: AnalysisInput<ChargeLine>, key: string | null): PeriodChoice {
  if (key) {
    try {
      return { ...choosePeriod(input, key), chosen: key }
    } catch {
      // A stale or invalid key falls back to the automatic choice.
    }
  }
  return { ...choosePeriod(input), chosen: null }
}

export function usePeriodChoice(input: AnalysisInput<ChargeLine>): PeriodChoice {
  return resolvePeriod(input, useChosenPeriodKey())
}

/** The stored choice alone (null: automatic), for views that resolve it in the analysis worker. */
export function useChosenPeriodKey(): string | null {
  return useSyncExternalStore(subscribe, () => chosen)
}

export interface PeriodOption {
  key: string
  label: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function monthLabel(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`
}

export interface PeriodOptions {
  quarters: PeriodOption[]
  months: PeriodOption[]
  years: PeriodOption[]
}

/** Periods worth offering: every quarter, month and fiscal year with data, the current quarter and the one shown. */
export function periodOptions(input: AnalysisInput<ChargeLine>, shown: Period): PeriodOptions {
  const fiscal = input.settings.fiscalYearStartMonth
  const current = periodContaining('quarter', input.asOf, fiscal)
  const days = new Set<number>()
  for (const run of input.runs) days.add(dayOf(run.start))
  for (const charge of input.charges) days.add(dayOf(charge.start))
  const quarters = new Map<string, Period>([[current.key, current]])
  const months = new Map<string, Period>()
  const years = new Map<string, Period>()
  if (shown.kind === 'month') months.set(shown.key, shown)
  else if (shown.kind === 'year') years.set(shown.key, shown)
  else if (shown.kind === 'quarter') quarters.set(shown.key, shown)
  for (const day of days) {
    const quarter = periodContaining('quarter', day, fiscal)
    quarters.set(quarter.key, quarter)
    const month = periodContaining('month', day, fiscal)
    months.set(month.key, month)
    const year = periodContaining('year', day, fiscal)
    years.set(year.key, year)
  }
  const sorted = (map: Map<string, Period>) => [...map.values()].sort((a, b) => b.start - a.start)
  return {
    quarters: sorted(quarters).map((p) => ({ key: p.key, label: `${p.key.replace('-', ' ')}${fiscal === 1 ? '' : ' (fiscal)'}` })),
    months: sorted(months).map((p) => ({ key: p.key, label: monthLabel(p.key) })),
    years: sorted(years).map((p) => ({ key: p.key, label: fiscal === 1 ? p.key : `Fiscal ${p.key}` })),
  }
}

/** "1 Jul – 30 Sep 2026 (UTC days)": the days a period covers. */
export function describePeriodDays(period: Period, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return `${format.format(new Date(period.start * 86_400_000))} – ${format.format(new Date((period.end - 1) * 86_400_000))}`
}

