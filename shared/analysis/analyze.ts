import type { Portfolio } from '../records/portfolio'
import type { Run } from '../records/run'
import { CurrencyTotals, type CurrencyAmounts } from '../money/totals'
import type { Bucket } from './allocation'
import { portfolioBudget, type Budget } from './budgets'
import { DailySpend } from './dailySpend'
import { dayOf, type DayNumber } from './dates'
import type { Charge } from '../records/charge'
import type { AnalysisInput, ChargeLine } from './input'
import { lintPortfolio, type Lint } from './lints/index'
import { adoptionMetrics, type Adoption } from './metrics/adoption'
import { highCostMetrics, type HighCost } from './metrics/highCost'
import { highCostThreshold } from './metrics/highCostThreshold'
import { recipeShare, type RecipeShare } from './metrics/recipeShare'
import { linkOutcomes, type OutcomeLinks } from './outcomes/linkOutcomes'
import { portfolioOutcomes, type PortfolioOutcomes } from './outcomes/portfolioOutcomes'
import { containsDay, type Period } from './periods'
import { assignRecords, overlapsByPortfolio, type AssignmentResult, type PortfolioOverlap } from './rules/assign'
import { buildSpend, type SpendEntry, type SpendLedger } from './spend'
import { groupBy } from './groupBy'
import { WorkflowIndex } from './workflowIndex'

/**
 * The derived state of a workspace: assignments, spend entries and the daily index, computed
 * once per input and shared by every per-portfolio question (the report, the Overview, a view).
 */
export interface Analysis<C extends ChargeLine = Charge> {
  input: AnalysisInput<C>
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
  /** Run→outcome links, when the input has outcomes. */
  outcomeLinks: OutcomeLinks | null
  /** Distinct contributor pseudonyms across all runs: a "personal quota" needs a team to compare with. */
  contributors: number
  /** The recurring workflows of a period, mined once per period on first use. */
  workflows: (period: Period) => WorkflowIndex
}

export function analyze<C extends ChargeLine>(input: AnalysisInput<C>): Analysis<C> {
  const assignment = assignRecords(input)
  const spend = buildSpend(input, assignment)
  const workflowIndexes = new Map<string, WorkflowIndex>()
  const workflows = (period: Period) => {
    let index = workflowIndexes.get(period.key)
    if (!index) workflowIndexes.set(period.key, (index = new WorkflowIndex(input.runs.filter((run) => containsDay(period, dayOf(run.start))))))
    return index
  }
  return {
    runsByBucket: groupBy<Run, Bucket>(input.runs, (run) => assignment.runs.get(run.id)?.portfolioId ?? null),
    entriesByBucket: groupBy<SpendEntry, Bucket>(spend.entries, (entry) => entry.portfolioId),
    input,
    asOf: dayOf(input.asOf),
    assignment,
    spend,
    daily: new DailySpend(spend.entries),
    overlaps: overlapsByPortfolio(assignment),
    stepVocabulary: new Set(input.runs.flatMap((run) => run.steps)).size,
    outcomeLinks: input.outcomes ? linkOutcomes(input.runs, input.outcomes) : null,
    contributors: new Set(input.runs.map((run) => run.actor)).size,
    workflows,
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
  /** Null when the workspace's outcomes were not read. */
  outcomes: PortfolioOutcomes | null
  lints: Lint[]
}

/** The runs a bucket (portfolio id, or null for Unassigned) owns that started in the period. */
export function runsIn(analysis: Analysis<ChargeLine>, portfolioId: Bucket, period: Period): Run[] {
  return (analysis.runsByBucket.get(portfolioId) ?? []).filter((run) => containsDay(period, dayOf(run.start)))
}

function spendEntriesIn(analysis: Analysis<ChargeLine>, portfolioId: Bucket, period: Period): SpendEntry[] {
  return (analysis.entriesByBucket.get(portfolioId) ?? []).filter((entry) => containsDay(period, entry.day))
}

export function spendByBasis(entries: readonly SpendEntry[]): Record<SpendEntry['basis'], CurrencyAmounts> {
  const totals = { billed: new CurrencyTotals(), allocated: new CurrencyTotals(), estimated: new CurrencyTotals() }
  for (const entry of entries) totals[entry.basis].add(entry.currency, entry.amount)
  return { billed: totals.billed.toJSON(), allocated: totals.allocated.toJSON(), estimated: totals.estimated.toJSON() }
}

/** The charges the entries' spend comes from, each once (see SpendEntry.counts). */
export function countCharges(entries: readonly SpendEntry[]): number {
  const counted = new Map<string, number>()
  for (const entry of entries) {
    if (entry.basis === 'estimated' || (entry.basis === 'allocated' && entry.amount.units === 0n)) continue
    for (let i = 0; i < entry.sources.length; i++) counted.set(entry.sources[i], entry.counts[i])
  }
  let charges = 0
  for (const count of counted.values()) charges += count
  return charges
}

/** Everything a portfolio card or report row shows for one period. */
export function summarizePortfolio(analysis: Analysis<ChargeLine>, portfolio: Portfolio, period: Period): PortfolioPeriodSummary {
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
  const outcomes = outcomesOf(analysis, portfolio, period)
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
    outcomes,
    lints: lintPortfolio({
      portfolio,
      period,
      runs,
      budget,
      overlaps,
      portfolioNames: new Map(input.portfolios.map((p) => [p.id, p.name])),
      stepVocabulary: analysis.stepVocabulary,
      outcomes,
      changes: input.portfolioChanges.filter((change) => change.portfolioId === portfolio.id),
      workflowMix: () => analysis.workflows(period).mixOf(runs),
      contributors: analysis.contributors,
      fiscalYearStartMonth: input.settings.fiscalYearStartMonth,
    }),
  }
}

function outcomesOf(analysis: Analysis<ChargeLine>, portfolio: Portfolio, period: Period): PortfolioOutcomes | null {
  const { outcomeLinks, input } = analysis
  if (!outcomeLinks || !input.outcomes) return null
  return portfolioOutcomes(portfolio, period, {
    links: outcomeLinks,
    input: input.outcomes,
    fiscalYearStartMonth: input.settings.fiscalYearStartMonth,
    runsIn: (at) => runsIn(analysis, portfolio.id, at),
    allRuns: analysis.runsByBucket.get(portfolio.id) ?? [],
  })
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
export function summarizeUnassigned(analysis: Analysis<ChargeLine>, period: Period): UnassignedSummary {
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

export interface OutsideSummary {
  period: string
  runs: number
  charges: number
  spend: CurrencyAmounts
  /** Each "outside portfolios" bucket with its spend. */
  buckets: { id: string; name: string; runs: number; spend: CurrencyAmounts }[]
}

/**
 * Spend caught by "outside portfolios" buckets (work that is not coding-agent work): shown apart,
 * neither a coding portfolio's nor unassigned.
 */
export function summarizeOutside(analysis: Analysis<ChargeLine>, period: Period): OutsideSummary {
  const buckets = analysis.input.portfolios
    .filter((portfolio) => portfolio.outside)
    .map((portfolio) => ({ portfolio, runs: runsIn(analysis, portfolio.id, period), entries: spendEntriesIn(analysis, portfolio.id, period) }))
  const entries = buckets.flatMap((bucket) => bucket.entries)
  return {
    period: period.key,
    runs: buckets.reduce((sum, bucket) => sum + bucket.runs.length, 0),
    charges: countCharges(entries),
    spend: totalsOf(entries),
    buckets: buckets.map(({ portfolio, runs, entries }) => ({ id: portfolio.id, name: portfolio.name, runs: runs.length, spend: totalsOf(entries) })),
  }
}
