import { summarizePortfolio, type Analysis, type PortfolioPeriodSummary } from '../../../shared/analysis/analyze'
import type { ChargeLine } from '../../../shared/analysis/input'
import { analysisForPeriod } from '../../../shared/analysis/definitionsInForce'
import { reportFromAnalysis, type PortfolioReport } from '../../../shared/reports/portfolioReport'
import { spendHeadline, type SpendHeadline } from '../../../shared/reports/spendHeadline'
import { periodOptions, resolvePeriod, type PeriodChoice, type PeriodOptions } from '../periodChoice'
import { unassignedByRepo, type UnassignedGroup } from './unassignedGroups'

export interface OverviewRequest {
  /** The period chosen in the picker; null: automatic, as `cli report` chooses. */
  periodKey: string | null
  todaysDefinitions: boolean
}

/** Everything the Overview draws, as plain data: small enough to post from the analysis worker. */
export interface OverviewModel {
  choice: PeriodChoice
  periodOptions: PeriodOptions
  hasData: boolean
  report: PortfolioReport
  headline: SpendHeadline
  /** The portfolios' cards (not those outside portfolios), by name. */
  summaries: PortfolioPeriodSummary[]
  unassignedGroups: UnassignedGroup[]
}

/**
 * The Overview of a period. A past period is shown with the portfolios as they were defined
 * then, unless asked otherwise. The numbers come from the same function as `cli report`.
 */
export function overviewModel(today: Analysis<ChargeLine>, request: OverviewRequest): OverviewModel {
  const choice = resolvePeriod(today.input, request.periodKey)
  const { period, source } = choice
  const analysis = analysisForPeriod(today, period, { todaysDefinitions: request.todaysDefinitions })
  const report = reportFromAnalysis(analysis, period, source)
  const summaries = analysis.input.portfolios
    .filter((p) => !p.outside)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((p) => summarizePortfolio(analysis, p, period))
  return {
    choice,
    periodOptions: periodOptions(analysis.input, period),
    hasData: analysis.input.runs.length > 0 || analysis.input.charges.length > 0,
    report,
    headline: spendHeadline(report),
    summaries,
    unassignedGroups: unassignedByRepo(analysis, period),
  }
}
