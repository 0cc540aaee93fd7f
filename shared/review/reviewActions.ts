import type { ActionItem, PortfolioDecision, RecipeDecision, Review } from '../records/review'

/** Everything a participant can do in a review; `actor` is passed beside the action. */
export type ReviewAction =
  | { type: 'join' }
  /** Facilitator only: stage control, pause, close, hand-over. */
  | { type: 'advance' }
  | { type: 'goBack' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'close'; at: string }
  | { type: 'handOver'; to: string }
  /** Facilitator only: time-box the current stage (everyone sees the time left), or stop the timer. */
  | { type: 'startTimer'; minutes: number; at: string }
  | { type: 'stopTimer' }
  /** Anyone: take over facilitation when the facilitator has left (the app offers it only then). */
  | { type: 'takeOver' }
  /** Anyone: suggest moving on from the current stage (cleared when the stage changes). */
  | { type: 'requestMoveOn' }
  | { type: 'withdrawMoveOn' }
  /** Anyone, within the vote budget: mark a portfolio or recipe as mattering most. */
  | { type: 'vote'; subject: string }
  | { type: 'unvote'; subject: string }
  | { type: 'decidePortfolio'; decision: PortfolioDecision }
  | { type: 'withdrawPortfolioDecision'; portfolioId: string }
  | { type: 'decideRecipe'; decision: RecipeDecision }
  | { type: 'setNotes'; notes: string }
  /** Anyone: a follow-up owned by a team, with a due day. */
  | { type: 'addActionItem'; item: ActionItem }
  | { type: 'removeActionItem'; id: string }

export type ReviewErrorCode =
  | 'not-found'
  | 'closed'
  | 'paused'
  | 'not-paused'
  | 'not-facilitator'
  | 'wrong-stage'
  | 'no-next-stage'
  | 'no-previous-stage'
  | 'vote-budget-spent'
  | 'already-voted'
  | 'not-voted'
  | 'already-decided'
  | 'invalid'

export interface ReviewError {
  code: ReviewErrorCode
  message: string
}

export type ReviewResult = { ok: true; review: Review } | { ok: false; error: ReviewError }
