import type { PortfolioStatus } from '../../records/portfolio'
import type { Run } from '../../records/run'
import { dateOfDay, dayOf, weekStartOf, type DayNumber } from '../dates'
import { periodDays, type Period } from '../periods'

export interface WeeklyAdoption {
  /** Monday of the week (UTC). */
  week: string
  runs: number
  repos: number
  contributors: number
}

/**
 * Pilot → scale signals. Contributors are a count of distinct pseudonymous actors: never a list,
 * so a portfolio's adoption can be discussed without turning it into anyone's quota.
 */
export interface Adoption {
  stage: PortfolioStatus
  runs: number
  /** Runs per week over the part of the period elapsed so far. */
  runsPerWeek: number
  distinctRepos: number
  distinctContributors: number
  weekly: WeeklyAdoption[]
}

function distinct(values: (string | null)[]): number {
  return new Set(values.filter((v): v is string => v !== null)).size
}

/** `runs` are the portfolio's runs that started in the period. */
export function adoptionMetrics(runs: readonly Run[], period: Period, asOf: DayNumber, stage: PortfolioStatus): Adoption {
  const elapsedDays = Math.min(Math.max(asOf + 1 - period.start, 1), periodDays(period))
  const byWeek = new Map<DayNumber, Run[]>()
  for (const run of runs) {
    const week = weekStartOf(dayOf(run.start))
    const inWeek = byWeek.get(week)
    if (inWeek) inWeek.push(run)
    else byWeek.set(week, [run])
  }
  return {
    stage,
    runs: runs.length,
    runsPerWeek: Math.round((runs.length / (elapsedDays / 7)) * 100) / 100,
    distinctRepos: distinct(runs.map((r) => r.repo)),
    distinctContributors: distinct(runs.map((r) => r.actor)),
    weekly: [...byWeek.keys()].sort((a, b) => a - b).map((week) => {
      const inWeek = byWeek.get(week)!
      return { week: dateOfDay(week), runs: inWeek.length, repos: distinct(inWeek.map((r) => r.repo)), contributors: distinct(inWeek.map((r) => r.actor)) }
    }),
  }
}
