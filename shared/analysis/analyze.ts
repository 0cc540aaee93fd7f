import type { Portfolio } from '../records/portfolio'
import type { Run } from '../records/run'
import { CurrencyTotals, type CurrencyAmounts } from '../money/totals'
import type { Bucket } from './allocation'
import { portfolioBudget, type Budget } from './budgets'
import { DailySpend } from './dailySpend'
import { dayOf, type DayNumber } from './dates'
import type { AnalysisInput } from './input'
import { lintPortfolio, type Lint } from './lints/index'
import { adoptionMetrics, type Adoption } from './metrics/adoption'
import { highCostMetrics, type HighCost } from './metrics/highCost'
import { highCostThreshold } from './metrics/highCostThreshold'
import { recipeShare, type RecipeShare } from './metrics/recipeShare'
import { containsDay, type Period } from './periods'
import { assignRecords, overlapsByPortfolio, type AssignmentResult, type PortfolioOverlap } from './rules/assign'
import { buildSpend, type SpendEntry, type SpendLedger } from './spend'

/**
 * The derived state of a workspace: assignments, spend entries and the daily index, computed
 * once per input and shared by every per-portfolio question (the report, the Overview, a view).
 */
export interface Analysis {
  input: AnalysisInput
  asOf: DayNumber
  assignment: AssignmentResult
  spend: SpendLedger
  daily: DailySpend
  overlaps: Map<string, PortfolioOverlap[]>
  /** Runs and spend entries per bucket (portfolio id, null for Unassigned), so per-portfolio questions don't scan everything. */
  runsByBucket: Map<Bucket, Run[]>
  entriesByBucket: Map<Bucket, SpendEntry[]>
  /** Distinct step labels across all runs: the scale for the "too broad" entropy. */
  stepVocabulary: number
}

function indexBy<T>(items: readonly T[], bucketOf: (item: T) => Bucket): Map<Bucket, T[]> {
  const index = new Map<Bucket, T[]>()
  for (const item of items) {
    const bucket = bucketOf(item)
    const list = index.get(bucket)
    if (list) list.push(item)
    else index.set(bucket, [item])
  }
  return index
}

export function analyze(input: AnalysisInput): Analysis {
  const assignment = assignRecords(input)
  const spend = buildSpend(input, assignment)
  return {
    runsByBucket: indexBy(input.runs, (run) => assignment.runs.get(run.id)?.portfolioId ?? null),
    entriesByBucket: indexBy(spend.entries, (entry) => entry.portfolioId),
    input,
    asOf: dayOf(input.asOf),
    assignment,
    spend,
    daily: new DailySpend(spend.entries),
    overlaps: overlapsByPortfolio(assignment),
    stepVocabulary: new Set(input.runs.flatMap((run) => run.steps)).size,
  }
}

export interface PortfolioPeriodSummary {
  portfolio: Portfolio
  period: string
  budget: Budget
  runs: number
  /** Charges that contribute to the spend, billed directly or through an allocated share. */
  charges: number
  spendByBasis: Record<SpendEntry['basis'], CurrencyAmounts>
  metrics: { adoption: Adoption; recipeShare: RecipeShare; highCost: HighCost }
  lints: Lint[]
}

/** The runs a bucket (portfolio id, or null for Unassigned) owns that started in the period. */
export function runsIn(analysis: Analysis, portfolioId: Bucket, period: Period): Run[] {
  return (analysis.runsByBucket.get(portfolioId) ?? []).filter((run) => containsDay(period, dayOf(run.start)))
}

function spendEntriesIn(analysis: Analysis, portfolioId: Bucket, period: Period): SpendEntry[] {
  return (analysis.entriesByBucket.get(portfolioId) ?? []).filter((entry) => containsDay(period, entry.day))
}

export function spendByBasis(entries: readonly SpendEntry[]): Record<SpendEntry['basis'], CurrencyAmounts> {
  const totals = { billed: new CurrencyTotals(), allocated: new CurrencyTotals(), estimated: new CurrencyTotals() }
  for (const entry of entries) totals[entry.basis].add(entry.currency, entry.amount)
  return { billed: totals.billed.toJSON(), allocated: totals.allocated.toJSON(), estimated: totals.estimated.toJSON() }
}

export function countCharges(entries: readonly SpendEntry[]): number {
  const keys = new Set<string>()
  for (const entry of entries) if (entry.basis !== 'estimated' && entry.amount.units !== 0n) for (const key of entry.sources) keys.add(key)
  return keys.size
}

/** Everything a portfolio card or report row shows for one period. */
export function summarizePortfolio(analysis: Analysis, portfolio: Portfolio, period: Period): PortfolioPeriodSummary {
  const { input } = analysis
  const runs = runsIn(analysis, portfolio.id, period)
  const entries = spendEntriesIn(analysis, portfolio.id, period)
  const budget = portfolioBudget(portfolio, period, {
    daily: analysis.daily,
    moves: input.envelopeMoves,
    fiscalYearStartMonth: input.settings.fiscalYearStartMonth,
    asOf: analysis.asOf,
  })
  const overlaps = analysis.overlaps.get(portfolio.id) ?? []
  return {
    portfolio,
    period: period.key,
    budget,
    runs: runs.length,
    charges: countCharges(entries),
    spendByBasis: spendByBasis(entries),
    metrics: {
      adoption: adoptionMetrics(runs, period, analysis.asOf, portfolio.status),
      recipeShare: recipeShare(runs, input.recipes),
      highCost: highCostMetrics(runs, portfolio, highCostThreshold(runs, input.settings), input.annotatedRunIds),
    },
    lints: lintPortfolio({
      portfolio,
      period,
      runs,
      budget,
      overlaps,
      portfolioNames: new Map(input.portfolios.map((p) => [p.id, p.name])),
      stepVocabulary: analysis.stepVocabulary,
    }),
  }
}

export interface UnassignedSummary {
  period: string
  runs: number
  charges: number
  spend: CurrencyAmounts
  spendByBasis: Record<SpendEntry['basis'], CurrencyAmounts>
  highCost: HighCost
}

/** Whatever no rule matched (and charges that could not be allocated), with its total. */
export function summarizeUnassigned(analysis: Analysis, period: Period): UnassignedSummary {
  const entries = spendEntriesIn(analysis, null, period)
  const runs = runsIn(analysis, null, period)
  return {
    period: period.key,
    runs: runs.length,
    charges: countCharges(entries),
    spend: totalsOf(entries),
    spendByBasis: spendByBasis(entries),
    highCost: highCostMetrics(runs, null, highCostThreshold(runs, analysis.input.settings), analysis.input.annotatedRunIds),
  }
}

function totalsOf(entries: readonly SpendEntry[]): CurrencyAmounts {
  const totals = new CurrencyTotals()
  for (const entry of entries) totals.add(entry.currency, entry.amount)
  return totals.toJSON()
}
