import type { PortfolioOutcomes } from '../analysis/outcomes/portfolioOutcomes'
import { formatMoney } from '../money/format'

/** A portfolio's outcomes in the exported review, each figure with last period's in brackets. */
export interface OutcomeReportRow {
  name: string
  mergedPullRequests: string
  costPerMergedPullRequest: string
  incidentsWorked: string
  timeToResolve: string
}

export const OUTCOME_REPORT_HEADERS = ['Portfolio', 'Merged PRs', 'Cost per merged PR (median / p90)', 'Incidents worked', 'Time to resolve (worked vs others)'] as const

const usd = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, 'USD', 'en-US'))
const hours = (value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10} h`)

/** The rows for the Markdown export and the printable report alike; none when no portfolio reached an outcome. */
export function outcomeReportRows(cards: readonly { name: string; outcomes?: PortfolioOutcomes | null }[]): OutcomeReportRow[] {
  const withOutcomes = cards.flatMap((card) => (card.outcomes ? [{ name: card.name, outcomes: card.outcomes }] : []))
  const reached = ({ pullRequests, incidents, previous }: PortfolioOutcomes) => pullRequests.runsLinked + incidents.worked + previous.pullRequests.runsLinked + previous.incidents.worked > 0
  if (!withOutcomes.some((card) => reached(card.outcomes))) return []
  return withOutcomes.map(({ name, outcomes: { pullRequests: pr, incidents, previous } }) => ({
    name,
    mergedPullRequests: `${pr.merged} (${previous.period}: ${previous.pullRequests.merged})`,
    costPerMergedPullRequest: `${usd(pr.costPerMergedUSD.median)} / ${usd(pr.costPerMergedUSD.p90)} (${previous.period}: ${usd(previous.pullRequests.costPerMergedUSD.median)})`,
    incidentsWorked: `${incidents.worked} (${previous.period}: ${previous.incidents.worked})`,
    timeToResolve: `${hours(incidents.resolveHours.worked)} vs ${hours(incidents.resolveHours.others)}`,
  }))
}
