import { z } from 'zod'
import { CurrencyAmountsSchema, CurrencyCode, DecimalString } from './common'
import { EvidenceLink, ValueCategory } from './annotation'
import { PortfolioStatus } from './portfolio'
import type { PortfolioOutcomes } from '../analysis/outcomes/portfolioOutcomes'

export const ReviewStage = z.enum(['check-in', 'scorecards', 'high-cost', 'recipes', 'decisions', 'summary'])
export type ReviewStage = z.infer<typeof ReviewStage>
export const REVIEW_STAGES = ReviewStage.options

export const PortfolioDecisionKind = z.enum(['keep', 'grow', 'shrink', 'split', 'merge', 'retire'])

/** One new portfolio a split creates: its name, the rules it takes over, and its envelope. */
export const SplitPart = z.looseObject({
  name: z.string().min(1),
  ruleIds: z.array(z.string()).min(1),
  amount: DecimalString,
})
export type SplitPart = z.infer<typeof SplitPart>

export const PortfolioDecision = z.looseObject({
  portfolioId: z.string(),
  decision: PortfolioDecisionKind,
  nextEnvelope: z.object({ amount: DecimalString, currency: CurrencyCode }).nullable(),
  note: z.string(),
  /** The stage it moves to next period (pilot → scaling → standard); absent: unchanged. */
  nextStatus: PortfolioStatus.optional(),
  /** A merge: the portfolio that takes over the rules. */
  mergeInto: z.string().optional(),
  /** A split: the new portfolios, each with its share of the rules. */
  splitInto: z.array(SplitPart).optional(),
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

/** A follow-up the meeting agreed on: owned by a team (never a person), due on a day. */
export const ActionItem = z.looseObject({
  id: z.string(),
  text: z.string().min(1),
  owningTeam: z.string().min(1),
  /** A calendar day, "2026-11-30". */
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date like 2026-11-30'),
})
export type ActionItem = z.infer<typeof ActionItem>

/** The stages where people vote; each has its own budget. */
export const VotingStage = z.enum(['recipes', 'decisions'])
export type VotingStage = z.infer<typeof VotingStage>

/**
 * One vote: the portfolio or recipe candidate it marks and the stage it was cast at. Reviews
 * from before votes were kept per stage stored bare subject ids; those read as votes whose
 * stage is unknown (shared/review/reviewVotes.ts derives it).
 */
export const Vote = z.union([
  z.looseObject({ subject: z.string(), stage: VotingStage.optional() }),
  z.string().transform((subject) => ({ subject })),
])
export type Vote = z.infer<typeof Vote>

function isOutcomeFigures(value: unknown): boolean {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const figures = value as Record<string, unknown>
  return typeof figures.pullRequests === 'object' && typeof figures.incidents === 'object' && typeof figures.previous === 'object'
}

/** Every figure a review showed, kept when it closes so its page and exports never change afterwards. */
export const ReviewSnapshot = z.looseObject({
  takenAt: z.string(),
  coverage: z.array(z.object({ label: z.string(), value: z.string() })),
  scorecards: z.array(
    z.object({
      portfolioId: z.string(),
      name: z.string(),
      spent: CurrencyAmountsSchema,
      envelope: CurrencyAmountsSchema,
      runs: z.number(),
      highCostRuns: z.number(),
      highCostAnnotated: z.number(),
      // The outcome figures as shown (computed by shared/analysis/outcomes); kept whole, checked by shape.
      outcomes: z.custom<PortfolioOutcomes | null>(isOutcomeFigures).optional(),
    }),
  ),
  highCostQueue: z.array(
    z.object({
      runId: z.string(),
      costUSD: z.string(),
      portfolioId: z.string().nullable(),
      steps: z.array(z.string()),
      start: z.string(),
      // Kept since the high-cost stage names runs by repo, branch and tool; snapshots taken before read as unknown.
      tool: z.string().default(''),
      repo: z.string().nullable().default(null),
      branch: z.string().nullable().default(null),
    }),
  ),
  /** The high-cost runs' outcome notes as they read at close; absent in reviews closed before notes were kept. */
  highCostNotes: z
    .array(
      z.object({
        runId: z.string(),
        costUSD: z.string(),
        portfolioId: z.string().nullable(),
        start: z.string(),
        repo: z.string().nullable(),
        branch: z.string().nullable(),
        valueCategory: ValueCategory,
        evidence: z.array(EvidenceLink),
        text: z.string(),
      }),
    )
    .optional(),
  /** Stage 4's mined candidates as shown; absent in reviews closed before candidates were kept. */
  candidates: z
    .array(
      z.object({
        key: z.string(),
        steps: z.array(z.string()),
        support: z.number(),
        supportShare: z.number(),
        costUSD: z.object({ median: z.string(), p90: z.string(), total: z.string() }),
        annotatedRuns: z.number(),
        portfolios: z.array(z.object({ portfolioId: z.string().nullable(), runs: z.number() })),
        variants: z.number(),
      }),
    )
    .optional(),
  names: z.record(z.string(), z.string()),
})
export type ReviewSnapshot = z.infer<typeof ReviewSnapshot>

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
  /** participant id → the portfolios and recipe candidates they marked as mattering most. */
  votes: z.record(z.string(), z.array(Vote)),
  /** Votes each participant has at each voting stage. */
  voteBudget: z.number().int().positive(),
  notes: z.string(),
  /** Absent in reviews from before action items. */
  actionItems: z.array(ActionItem).optional(),
  /** An optional time box on the current stage, the same for everyone; cleared when the stage changes. */
  stageTimer: z.object({ stage: ReviewStage, minutes: z.number().int().positive().max(120), startedAt: z.string() }).nullable().optional(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Set at close: what the review showed (absent in reviews closed before snapshots existed). */
  snapshot: ReviewSnapshot.optional(),
  /** Set at close: the portfolio changes its decisions made, from the next period on. */
  applied: z.object({ effectiveFrom: z.string(), changeIds: z.array(z.string()) }).optional(),
})
export type Review = z.infer<typeof Review>
