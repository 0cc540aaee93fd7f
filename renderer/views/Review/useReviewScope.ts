import { useMemo } from 'react'
import { summarizePortfolio, summarizeUnassigned, type PortfolioPeriodSummary, type UnassignedSummary } from '../../../shared/analysis/analyze'
import type { Review } from '../../../shared/records/review'
import { analysisForReview, highCostByPortfolio, reviewCandidates, reviewFigures, reviewReportData, reviewScope, type ReviewScope } from '../../../shared/review'
import type { HighCostGroup, ReviewReportData } from '../../../shared/review'
import { DEFAULT_HIGH_COST_RULE, type HighCostRule } from '../../../shared/analysis/metrics/highCostThreshold'
import { useAnalysis } from '../../workspace/useAnalysis'

export interface ReviewContextData {
  scope: ReviewScope
  report: ReviewReportData
  /** One per portfolio, by name; empty when the review's period is not a period key. */
  summaries: PortfolioPeriodSummary[]
  unassigned: UnassignedSummary | null
  names: Record<string, string>
  /** Stage 3: each portfolio's high-cost runs, against its own threshold. */
  highCost: HighCostGroup[]
  /** What makes a run high-cost in this workspace (Settings). */
  highCostRule: HighCostRule
}

/**
 * What the review's period holds in the workspace now, with the portfolios as defined in that
 * period: recomputed when either document changes. A closed review's report is its snapshot.
 */
export function useReviewScope(review: Pick<Review, 'period' | 'snapshot'>): ReviewContextData {
  const today = useAnalysis()
  return useMemo(() => {
    const analysis = analysisForReview(today, review.period)
    const scope = reviewScope(analysis, review.period)
    const portfolios = [...analysis.input.portfolios].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    const summaries = scope.period ? portfolios.map((p) => summarizePortfolio(analysis, p, scope.period!)) : []
    const report = reviewFigures(review, () => reviewReportData(analysis, review, scope))
    return {
      scope,
      report,
      summaries,
      unassigned: scope.period ? summarizeUnassigned(analysis, scope.period) : null,
      names: report.names ?? {},
      highCost: highCostByPortfolio(scope.runs, { settings: analysis.input.settings, portfolioOf: scope.portfolioOf }),
      highCostRule: analysis.input.settings.highCostRule ?? DEFAULT_HIGH_COST_RULE,
    }
  }, [today, review])
}

/**
 * The whole report, with stage 4's candidates: a closed review's snapshot as kept, or for one in
 * progress its live figures plus the candidates mined now (slow on a large quarter, so only on
 * demand: at close, on export, on the printable report).
 */
export function fullReport(review: Pick<Review, 'snapshot'>, data: Pick<ReviewContextData, 'report' | 'scope'>): ReviewReportData {
  return review.snapshot ? data.report : { ...data.report, candidates: reviewCandidates(data.scope) }
}
