import { z } from 'zod'
import { CurrencyCode, DecimalString } from './common'

export const ReviewStage = z.enum(['check-in', 'scorecards', 'high-cost', 'recipes', 'decisions', 'summary'])
export type ReviewStage = z.infer<typeof ReviewStage>
export const REVIEW_STAGES = ReviewStage.options

export const PortfolioDecisionKind = z.enum(['keep', 'grow', 'shrink', 'split', 'merge', 'retire'])

export const PortfolioDecision = z.looseObject({
  portfolioId: z.string(),
  decision: PortfolioDecisionKind,
  nextEnvelope: z.object({ amount: DecimalString, currency: CurrencyCode }).nullable(),
  note: z.string(),
})
export type PortfolioDecision = z.infer<typeof PortfolioDecision>

export const RecipeDecision = z.looseObject({
  candidateKey: z.string(),
  steps: z.array(z.string()),
  action: z.enum(['promote', 'merge', 'reject']),
  recipeId: z.string().nullable(),
  reason: z.string(),
})
export type RecipeDecision = z.infer<typeof RecipeDecision>

/** One quarterly review session; everyone in the workspace sees the same stage. */
export const Review = z.looseObject({
  id: z.string(),
  period: z.string(),
  stage: ReviewStage,
  status: z.enum(['active', 'paused', 'closed']),
  facilitator: z.string(),
  /** Everyone who took part (counted in the export, never named there); absent in older reviews. */
  participants: z.array(z.string()).optional(),
  /** Participant ids that asked to move on from the current stage. */
  moveOnRequests: z.array(z.string()),
  decisions: z.array(PortfolioDecision),
  recipeDecisions: z.array(RecipeDecision),
  /** participant id → portfolio or recipe ids marked as mattering most. */
  votes: z.record(z.string(), z.array(z.string())),
  voteBudget: z.number().int().positive(),
  notes: z.string(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
})
export type Review = z.infer<typeof Review>
