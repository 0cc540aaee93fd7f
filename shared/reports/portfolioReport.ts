import { analyze, summarizeOutside, summarizePortfolio, summarizeUnassigned, type Analysis, type OutsideSummary, type PortfolioPeriodSummary } from '../analysis/analyze'
import type { AllocationExplanation } from '../analysis/allocation'
import type { ReviewItem } from '../analysis/budgets'
import { dateOfDay, dayOf } from '../analysis/dates'
import { inputForPeriod, type PeriodInputOptions } from '../analysis/definitionsInForce'
import { summarizeUnpriced, type UnpricedSummary } from '../pricing/unpricedModels'
import type { AnalysisInput, ChargeLine } from '../analysis/input'
import type { PortfolioOutcomes } from '../analysis/outcomes/portfolioOutcomes'
import type { Period } from '../analysis/periods'
import { choosePeriod, type PeriodSource } from './choosePeriod'
import { lintWorkspace } from '../analysis/lints/index'
import { reconcile, type ReconciliationRow } from '../analysis/reconciliation'
import type { CurrencyAmounts } from '../money/totals'

export interface PortfolioReportRow {
  id: string
  name: string
  status: string
  owningTeam: string
  outcomeTags: string[]
  spend: CurrencyAmounts
  envelope: CurrencyAmounts
  forecast: CurrencyAmounts
  forecastMethod: string
  runs: number
  charges: number
  metrics: {
    adoption: { runs: number; runsPerWeek: number; distinctRepos: number; distinctContributors: number; stage: string }
    recipeShare: { runs: number; spend: number; promotedRecipes: number }
    highCost: { count: number; inPortfolio: number; annotated: number }
  }
  /** Pull requests, incidents, notes and metrics the portfolio's runs reached, beside last period's. */
  outcomes: PortfolioOutcomes | null
  lints: { code: string; message: string; fix: string }[]
}

/** The report the CLI prints and the Overview shows: the same numbers, from the same function. */
export interface PortfolioReport {
  period: string
  /** How the period was chosen: asked for, the current quarter, or the latest quarter with data. */
  periodSource: PeriodSource
  asOf: string
  /** The coding portfolios ("outside portfolios" buckets are in `outside`). */
  portfolios: PortfolioReportRow[]
  unassigned: { runs: number; charges: number; spend: CurrencyAmounts; highCost: { count: number; annotated: number } }
  /** Spend that is not coding-agent work, caught by "outside portfolios" rules: neither a portfolio's nor unassigned. */
  outside: OutsideSummary
  /** Checks over the set of portfolios (too many to review). */
  workspaceLints: { code: string; message: string; fix: string }[]
  reconciliation: Pick<ReconciliationRow, 'provider' | 'month' | 'billed' | 'estimated' | 'matched' | 'unexplained' | 'runsWithoutBilling' | 'note'>[]
  allocations: AllocationExplanation[]
  reviewItems: ReviewItem[]
  /** Runs started in the period with a model that had no price (their cost counted as 0). */
  unpriced: UnpricedSummary
}

export interface PortfolioReportOptions extends PeriodInputOptions {
  /** "2026-Q3", "2026-H2", "2026-07" or "2026"; default: see choosePeriod. */
  period?: string
}

function reportRow(summary: PortfolioPeriodSummary): PortfolioReportRow {
  const { portfolio, budget, metrics } = summary
  return {
    id: portfolio.id,
    name: portfolio.name,
    status: portfolio.status,
    owningTeam: portfolio.owningTeam,
    outcomeTags: portfolio.outcomeTags,
    spend: budget.spend,
    envelope: { [budget.currency]: budget.envelope },
    forecast: budget.forecast,
    forecastMethod: budget.forecastMethod,
    runs: summary.runs,
    charges: summary.charges,
    metrics: {
      adoption: {
        runs: metrics.adoption.runs,
        runsPerWeek: metrics.adoption.runsPerWeek,
        distinctRepos: metrics.adoption.distinctRepos,
        distinctContributors: metrics.adoption.distinctContributors,
        stage: metrics.adoption.stage,
      },
      recipeShare: { runs: metrics.recipeShare.runs, spend: metrics.recipeShare.spend, promotedRecipes: metrics.recipeShare.promotedRecipes },
      highCost: { count: metrics.highCost.count, inPortfolio: metrics.highCost.inPortfolio, annotated: metrics.highCost.annotated },
    },
    outcomes: summary.outcomes,
    lints: summary.lints.map(({ code, message, fix }) => ({ code, message, fix })),
  }
}

/** Builds the report from an analysis already computed (the Overview keeps one per document change). */
export function reportFromAnalysis(analysis: Analysis<ChargeLine>, period: Period, periodSource: PeriodSource): PortfolioReport {
  const { input } = analysis
  const portfolios = input.portfolios.filter((portfolio) => !portfolio.outside).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const summaries = portfolios.map((portfolio) => summarizePortfolio(analysis, portfolio, period))
  const unassigned = summarizeUnassigned(analysis, period)
  const inPeriodDay = (day: number) => day >= period.start && day < period.end
  const inPeriodMonth = (month: string) => inPeriodDay(dayOf(`${month}-01`))
  return {
    period: period.key,
    periodSource,
    asOf: dateOfDay(analysis.asOf),
    portfolios: summaries.map(reportRow),
    unassigned: { runs: unassigned.runs, charges: unassigned.charges, spend: unassigned.spend, highCost: { count: unassigned.highCost.count, annotated: unassigned.highCost.annotated } },
    outside: summarizeOutside(analysis, period),
    workspaceLints: lintWorkspace(input.portfolios).map(({ code, message, fix }) => ({ code, message, fix })),
    reconciliation: reconcile(input.runs, input.charges)
      .filter((row) => inPeriodMonth(row.month))
      .map(({ provider, month, billed, estimated, matched, unexplained, runsWithoutBilling, note }) => ({ provider, month, billed, estimated, matched, unexplained, runsWithoutBilling, note })),
    allocations: analysis.spend.allocations.filter((a) => inPeriodMonth(a.month)),
    reviewItems: summaries.flatMap((s) => s.budget.reviewItems),
    unpriced: summarizeUnpriced(input.runs.filter((run) => run.unpricedModels.length > 0 && inPeriodDay(dayOf(run.start)))),
  }
}

/**
 * The portfolio report for a period: a pure function of the workspace records and portfolios,
 * with the definitions in force in that period (or today's when asked) and what started by asOf.
 */
export function buildPortfolioReport(input: AnalysisInput<ChargeLine>, options: PortfolioReportOptions = {}): PortfolioReport {
  const { period, source } = choosePeriod(input, options.period)
  return reportFromAnalysis(analyze(inputForPeriod(input, period, options)), period, source)
}
