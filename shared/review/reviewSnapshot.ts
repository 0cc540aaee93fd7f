import type { Review, ReviewSnapshot } from '../records/review'
import type { ReviewReportData } from './reviewMarkdown'

/** What a review showed, as kept at close (a deep copy: later changes to the source never reach it). */
export function takeSnapshot(data: ReviewReportData, at: string): ReviewSnapshot {
  return structuredClone({
    takenAt: at,
    coverage: data.coverage ?? [],
    scorecards: data.scorecards ?? [],
    highCostQueue: data.highCostQueue ?? [],
    highCostNotes: data.highCostNotes ?? [],
    candidates: data.candidates ?? [],
    names: data.names ?? {},
  })
}

/**
 * The figures to show for a review: a closed review's snapshot, frozen at close, or, for a
 * review in progress (or one closed before snapshots existed), `live()` computed now. A
 * snapshot from before notes and candidates were kept leaves them out (never computed now).
 */
export function reviewFigures(review: Pick<Review, 'snapshot'>, live: () => ReviewReportData): ReviewReportData {
  if (!review.snapshot) return live()
  const { coverage, scorecards, highCostQueue, highCostNotes, candidates, names } = review.snapshot
  return { coverage, scorecards, highCostQueue, highCostNotes, candidates, names }
}
