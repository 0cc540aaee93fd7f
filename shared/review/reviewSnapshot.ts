import type { Review, ReviewSnapshot } from '../records/review'
import type { ReviewReportData } from './reviewMarkdown'

/** What a review showed, as kept at close (a deep copy: later changes to the source never reach it). */
export function takeSnapshot(data: ReviewReportData, at: string): ReviewSnapshot {
  return structuredClone({
    takenAt: at,
    coverage: data.coverage ?? [],
    scorecards: data.scorecards ?? [],
    highCostQueue: data.highCostQueue ?? [],
    names: data.names ?? {},
  })
}

/**
 * The figures to show for a review: a closed review's snapshot, frozen at close, or, for a
 * review in progress (or one closed before snapshots existed), `live()` computed now.
 */
export function reviewFigures(review: Pick<Review, 'snapshot'>, live: () => ReviewReportData): ReviewReportData {
  if (!review.snapshot) return live()
  const { coverage, scorecards, highCostQueue, names } = review.snapshot
  return { coverage, scorecards, highCostQueue, names }
}
