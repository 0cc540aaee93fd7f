import type { Annotation, ValueCategory } from '../../records/annotation'
import type { Incident } from '../../records/outcome'
import type { Run } from '../../records/run'
import { groupBy } from '../groupBy'
import type { OutcomeLinks } from './linkOutcomes'
import { medianDecimal, medianNumber, p90Decimal, runCost, sumDecimals } from './outcomeStats'
import { decimalText, divideDecimal, type Decimal } from '../../money/decimal'

const HOUR_MS = 3_600_000

export interface PullRequestFigures {
  /** The portfolio's runs in the period that link to any PR (bots' included). */
  runsLinked: number
  /** Distinct PRs those runs link to, by state; PRs opened by bots are counted apart in `byBots`. */
  merged: number
  open: number
  closedUnmerged: number
  byBots: number
  /** The linked runs' cost per merged PR: exact decimal USD. */
  costPerMergedUSD: { median: string | null; p90: string | null; total: string }
  /** Share (0–1) of the period's runs that link to a merged PR; null without runs. */
  mergedRunShare: number | null
  /** Median hours from a merged PR's first linked run to its merge. */
  firstRunToMergeHours: number | null
}

export interface IncidentFigures {
  /** Distinct incidents a run names (or a person linked). */
  worked: number
  /** Incidents only weakly linked (a run in the service's repository while it was open), counted apart. */
  weaklyLinked: number
  /** Median hours to resolve: the worked incidents, and the team's other incidents opened in the period. */
  resolveHours: { worked: number | null; others: number | null }
  /** The cost of the runs linked to worked incidents, per incident. */
  costPerIncidentUSD: string | null
}

export interface NoteFigures {
  /** Run notes that say something (text, value category or evidence). */
  notes: number
  valueCategories: Partial<Record<ValueCategory, number>>
  evidence: number
}

export interface OutcomeFigures {
  period: string
  runs: number
  runCostUSD: string
  pullRequests: PullRequestFigures
  incidents: IncidentFigures
  notes: NoteFigures
}

/**
 * The outcome figures of one set of runs (a portfolio's, in one period). `periodIncidents` are
 * the team's incidents opened in the period, the baseline the worked ones are compared with.
 */
export function outcomeFigures(period: string, runs: readonly Run[], links: OutcomeLinks, periodIncidents: readonly Incident[], notes: ReadonlyMap<string, Annotation>): OutcomeFigures {
  const cost = new Map(runs.map((run) => [run.id, runCost(run)]))
  const linked = runs.flatMap((run) => (links.byRun.get(run.id) ?? []).map((link) => ({ run, link })))
  const runsOf = (pairs: typeof linked) => new Map([...groupBy(pairs, ({ link }) => link.outcomeId)].map(([id, group]) => [id, group.map(({ run }) => run)]))
  const pullLinks = linked.filter(({ link }) => link.kind === 'pullRequest')
  const pullRuns = runsOf(pullLinks)
  const incidentRuns = runsOf(linked.filter(({ link }) => link.kind === 'incident' && link.strength === 'strong'))
  const weak = new Set(linked.filter(({ link }) => link.kind === 'incident' && link.strength === 'weak').map(({ link }) => link.outcomeId))
  const runsLinked = new Set(pullLinks.map(({ run }) => run.id)).size

  const states = { merged: 0, open: 0, closed: 0 }
  let byBots = 0
  const mergedCosts: Decimal[] = []
  const toMerge: number[] = []
  const mergedRuns = new Set<string>()
  for (const [id, linkedRuns] of pullRuns) {
    const pull = links.pullRequests.get(id)
    if (!pull) continue
    if (pull.byBot) {
      byBots++
      continue
    }
    states[pull.state]++
    if (pull.state !== 'merged' || !pull.mergedAt) continue
    mergedCosts.push(sumDecimals(linkedRuns.map((run) => cost.get(run.id)!)))
    for (const run of linkedRuns) mergedRuns.add(run.id)
    const firstRun = Math.min(...linkedRuns.map((run) => Date.parse(run.start)))
    toMerge.push((Date.parse(pull.mergedAt) - firstRun) / HOUR_MS)
  }

  const worked = [...incidentRuns.keys()].flatMap((id) => links.incidents.get(id) ?? [])
  const workedIds = new Set(worked.map((incident) => incident.id))
  const incidentCost = sumDecimals([...new Set([...incidentRuns.values()].flat())].map((run) => cost.get(run.id)!))

  return {
    period,
    runs: runs.length,
    runCostUSD: decimalText(sumDecimals([...cost.values()])),
    pullRequests: {
      runsLinked,
      merged: states.merged,
      open: states.open,
      closedUnmerged: states.closed,
      byBots,
      costPerMergedUSD: { median: textOrNull(medianDecimal(mergedCosts)), p90: textOrNull(p90Decimal(mergedCosts)), total: decimalText(sumDecimals(mergedCosts)) },
      mergedRunShare: runs.length > 0 ? mergedRuns.size / runs.length : null,
      firstRunToMergeHours: medianNumber(toMerge),
    },
    incidents: {
      worked: worked.length,
      weaklyLinked: [...weak].filter((id) => !workedIds.has(id)).length,
      resolveHours: {
        worked: medianNumber(worked.flatMap(resolveHours)),
        others: medianNumber(periodIncidents.filter((incident) => !workedIds.has(incident.id)).flatMap(resolveHours)),
      },
      // A share of a cost, to the micro-dollar (half-even); people read it rounded to cents.
      costPerIncidentUSD: worked.length > 0 ? decimalText(divideDecimal(incidentCost, { units: BigInt(worked.length), scale: 0 }, Math.max(incidentCost.scale, 6))) : null,
    },
    notes: noteFigures(runs, notes),
  }
}

function noteFigures(runs: readonly Run[], notes: ReadonlyMap<string, Annotation>): NoteFigures {
  const figures: NoteFigures = { notes: 0, valueCategories: {}, evidence: 0 }
  for (const run of runs) {
    const note = notes.get(run.id)
    if (!note || (note.text.trim() === '' && note.valueCategory === 'unset' && note.evidence.length === 0)) continue
    figures.notes++
    figures.evidence += note.evidence.length
    if (note.valueCategory !== 'unset') figures.valueCategories[note.valueCategory] = (figures.valueCategories[note.valueCategory] ?? 0) + 1
  }
  return figures
}

function resolveHours(incident: Incident): number[] {
  return incident.resolvedAt ? [(Date.parse(incident.resolvedAt) - Date.parse(incident.createdAt)) / HOUR_MS] : []
}

function textOrNull(value: Decimal | null): string | null {
  return value === null ? null : decimalText(value)
}
