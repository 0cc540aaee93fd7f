import { mineRecipes, type RecipeCandidate } from '../mining'
import type { ReviewScope } from './reviewReportData'

/** Stage 4 mines with this least number of runs unless the team changes it. */
export const REVIEW_MIN_RUNS = 3

/**
 * A stage-4 candidate as the review shows it: its steps and figures, without the run ids
 * (what was decided on it sits in the review's recipe decisions, by `key`).
 */
export type CandidateFigures = Pick<RecipeCandidate, 'key' | 'steps' | 'support' | 'supportShare' | 'costUSD' | 'annotatedRuns' | 'portfolios'> & {
  /** How many forms of the workflow deviate the same way. */
  variants: number
}

/** The candidates stage 4 shows for the review's period, mined as the stage mines them. */
export function reviewCandidates(scope: Pick<ReviewScope, 'runs' | 'isAnnotated' | 'portfolioOf'>, minSupportRuns = REVIEW_MIN_RUNS): CandidateFigures[] {
  const mined = mineRecipes(scope.runs, { minSupportRuns, isAnnotated: scope.isAnnotated, portfolioOf: scope.portfolioOf })
  return mined.candidates.map((candidate) => ({
    key: candidate.key,
    steps: [...candidate.steps],
    support: candidate.support,
    supportShare: candidate.supportShare,
    costUSD: { ...candidate.costUSD },
    annotatedRuns: candidate.annotatedRuns,
    portfolios: candidate.portfolios.map((count) => ({ ...count })),
    variants: candidate.variants.length,
  }))
}
