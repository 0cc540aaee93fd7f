import { summarizeUnassigned, type Analysis } from '../analysis/analyze'
import { analysisForPeriod } from '../analysis/definitionsInForce'
import { dayOf } from '../analysis/dates'
import { parsePeriod, type Period } from '../analysis/periods'
import { reconcile, type ReconciliationRow } from '../analysis/reconciliation'
import { formatCurrencyAmounts, formatMoney } from '../money/format'
import type { CurrencyAmounts } from '../money/totals'
import type { Review } from '../records/review'
import type { Run } from '../records/run'
import { reportFromAnalysis } from '../reports/portfolioReport'
import { highCostNotes, highCostQueue } from './highCostQueue'
import { reviewCandidates } from './reviewCandidates'
import { reviewCoverage } from './reviewCoverage'
import type { CoverageLine, ReviewReportData } from './reviewMarkdown'
import { plural } from '../text/plural'

/** What a review's period holds, computed from the workspace as it is now (derived, never stored). */
export interface ReviewScope {
  /** null when the review's period is not one the analysis can read ("Q3 offsite"): everything imported. */
  period: Period | null
  runs: Run[]
  charges: number
  /** Billed vs log-estimated per provider and month of the period. */
  reconciliation: ReconciliationRow[]
  unassigned: { runs: number; spend: CurrencyAmounts } | null
  portfolioOf: (runId: string) => string | null
  isAnnotated: (runId: string) => boolean
}

/** The analysis a review of `periodKey` reads: the portfolios as defined in that period. */
export function analysisForReview(analysis: Analysis, periodKey: string): Analysis {
  try {
    return analysisForPeriod(analysis, parsePeriod(periodKey, analysis.input.settings.fiscalYearStartMonth))
  } catch {
    // Not a period key ("Q3 offsite"): the review covers everything, with today's definitions.
    return analysis
  }
}

export function reviewScope(analysis: Analysis, periodKey: string): ReviewScope {
  const { input } = analysis
  let period: Period | null = null
  try {
    period = parsePeriod(periodKey, input.settings.fiscalYearStartMonth)
  } catch {
    // Not a period key: the review covers everything imported.
  }
  const inPeriod = (instant: string) => !period || (dayOf(instant) >= period.start && dayOf(instant) < period.end)
  const inPeriodMonth = (month: string) => !period || inPeriod(`${month}-01T00:00:00.000Z`)
  const unassigned = period ? summarizeUnassigned(analysis, period) : null
  return {
    period,
    runs: input.runs.filter((run) => inPeriod(run.start)),
    charges: input.charges.filter((charge) => inPeriod(charge.start)).length,
    reconciliation: reconcile(input.runs, input.charges).filter((row) => inPeriodMonth(row.month)),
    unassigned: unassigned ? { runs: unassigned.runs, spend: unassigned.spend } : null,
    portfolioOf: (runId) => analysis.assignment.runs.get(runId)?.portfolioId ?? null,
    isAnnotated: (runId) => input.annotatedRunIds.has(runId),
  }
}

/**
 * Stage 1's coverage: the counts of reviewCoverage, plus which providers and months are imported
 * (billing or logs), the reconciliation gap and the unassigned spend. Counts and sums, never names.
 */
export function scopeCoverage(scope: ReviewScope): CoverageLine[] {
  const lines = reviewCoverage({ runs: scope.runs, charges: scope.charges, isAnnotated: scope.isAnnotated, portfolioOf: scope.portfolioOf })
  const billed = scope.reconciliation.filter((row) => row.charges > 0)
  const providers = [...new Set(scope.reconciliation.map((row) => row.provider))].sort()
  const months = [...new Set(scope.reconciliation.map((row) => row.month))].sort()
  lines.push({ label: 'Providers', value: providers.join(', ') || 'none imported' })
  lines.push({ label: 'Months with data', value: months.join(', ') || 'none' })
  lines.push({ label: 'Provider-months with billing', value: `${billed.length} of ${scope.reconciliation.length}` })
  const withoutBilling = scope.reconciliation.filter((row) => row.charges === 0).reduce((sum, row) => sum + row.runs, 0)
  if (withoutBilling > 0) lines.push({ label: 'Runs without billing imported', value: String(withoutBilling) })
  const gaps = scope.reconciliation.filter((row) => row.unexplained.USD !== undefined && Number(row.unexplained.USD) !== 0)
  lines.push({
    label: 'Reconciliation gaps',
    value: gaps.length === 0 ? 'none' : gaps.map((row) => `${row.provider} ${row.month}: ${formatMoney(row.unexplained.USD!, 'USD')}`).join('; '),
  })
  if (scope.unassigned) lines.push({ label: 'Unassigned spend', value: `${formatCurrencyAmounts(scope.unassigned.spend, undefined, '0')} over ${plural(scope.unassigned.runs, 'run', undefined, 'en-US')}` })
  return lines
}

/** Everything the Markdown export and the printable report show beside the review record. */
export function reviewReportData(analysis: Analysis, review: Pick<Review, 'period'>, scope = reviewScope(analysis, review.period)): ReviewReportData {
  const { input } = analysis
  const scorecards = scope.period
    ? reportFromAnalysis(analysis, scope.period, 'requested').portfolios.map((row) => ({
        portfolioId: row.id,
        name: row.name,
        spent: row.spend,
        envelope: row.envelope,
        runs: row.runs,
        highCostRuns: row.metrics.highCost.count,
        highCostAnnotated: row.metrics.highCost.annotated,
        outcomes: row.outcomes,
      }))
    : []
  return {
    coverage: scopeCoverage(scope),
    scorecards,
    highCostQueue: highCostQueue(scope.runs, { settings: input.settings, isAnnotated: scope.isAnnotated, portfolioOf: scope.portfolioOf }),
    highCostNotes: highCostNotes(scope.runs, {
      settings: input.settings,
      isAnnotated: scope.isAnnotated,
      noteOf: (runId) => input.outcomes?.notes.get(runId),
      portfolioOf: scope.portfolioOf,
    }),
    names: Object.fromEntries([...input.portfolios, ...input.recipes].map((item) => [item.id, item.name])),
  }
}

/**
 * reviewReportData with the stage-4 candidates mined too: what a review keeps when it closes and
 * what its export shows. Mining a large quarter takes a while, so views call it on demand only.
 */
export function reviewReportWithCandidates(analysis: Analysis, review: Pick<Review, 'period'>, scope = reviewScope(analysis, review.period)): ReviewReportData {
  return { ...reviewReportData(analysis, review, scope), candidates: reviewCandidates(scope) }
}

