import type { ReviewStage } from '../records/review'

/** The six stages as people read them, in the export and in the views. */
export const REVIEW_STAGE_TITLES: Record<ReviewStage, string> = {
  'check-in': '1. Check-in & data coverage',
  scorecards: '2. Portfolio scorecards',
  'high-cost': '3. High-cost runs',
  recipes: '4. Recipe candidates',
  decisions: '5. Decisions per portfolio',
  summary: '6. Summary',
}
