import { z } from 'zod'
import { CurrencyCode, DecimalString } from './common'

export const PortfolioStatus = z.enum(['pilot', 'scaling', 'standard', 'retired'])
export type PortfolioStatus = z.infer<typeof PortfolioStatus>

export const EnvelopePeriod = z.enum(['month', 'quarter', 'half', 'year'])
export type EnvelopePeriod = z.infer<typeof EnvelopePeriod>

export const Envelope = z.looseObject({
  amount: DecimalString,
  currency: CurrencyCode,
  period: EnvelopePeriod,
  /** Carry unspent (or overspent) amounts into the next period. */
  rollover: z.boolean(),
})
export type Envelope = z.infer<typeof Envelope>

/** A condition over a run or a charge; `field` names the dimension it reads. */
export const RuleCondition = z.looseObject({
  field: z.enum([
    // runs
    'tool', 'repo', 'branch', 'model', 'step', 'sequence', 'recipe', 'dateRange',
    // charges
    'provider', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tag',
  ]),
  /** Globs for text fields ("web-*"), step labels for step/sequence, a recipe id, or "from..to" dates. */
  values: z.array(z.string()),
  /** For tags: the tag key. */
  key: z.string().optional(),
})
export type RuleCondition = z.infer<typeof RuleCondition>

export const PortfolioRule = z.looseObject({
  id: z.string(),
  target: z.enum(['runs', 'charges']),
  combine: z.enum(['all', 'any']),
  conditions: z.array(RuleCondition),
})
export type PortfolioRule = z.infer<typeof PortfolioRule>

export const Portfolio = z.looseObject({
  id: z.string(),
  name: z.string().min(1),
  description: z.string(),
  outcomeTags: z.array(z.string()),
  /** A team, never a person. */
  owningTeam: z.string(),
  status: PortfolioStatus,
  envelope: Envelope,
  /** Runs above this cost are normal for this portfolio. Null: no expectation set. */
  expectedHighCostUSD: DecimalString.nullable(),
  rules: z.array(PortfolioRule),
  /**
   * An "outside portfolios" bucket: its rules catch spend that is not coding-agent work (a support
   * bot's key, nightly evaluations). Shown apart; neither a coding portfolio nor unassigned.
   */
  outside: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Portfolio = z.infer<typeof Portfolio>

/** A zero-sum move of envelope between two portfolios in one period, kept for the record. */
export const EnvelopeMove = z.looseObject({
  id: z.string(),
  period: z.string(),
  fromPortfolio: z.string(),
  toPortfolio: z.string(),
  amount: DecimalString,
  currency: CurrencyCode,
  reason: z.string(),
  at: z.string(),
})
export type EnvelopeMove = z.infer<typeof EnvelopeMove>

/** The parts of a portfolio that define it for a period; their changes are kept in its history. */
export const DEFINITION_FIELDS = ['name', 'description', 'outcomeTags', 'owningTeam', 'status', 'envelope', 'expectedHighCostUSD', 'rules', 'outside'] as const
export type DefinitionField = (typeof DEFINITION_FIELDS)[number]
export type PortfolioDefinition = Pick<Portfolio, DefinitionField>

/**
 * One change to a portfolio's definition, kept for the record: who (a pseudonym), when, and
 * the period it takes effect from. `effectiveFrom` null: retroactive, every period reads it.
 * `createdFrom` marks the change that created the portfolio (a split's new portfolio does not
 * exist before its first period). `source` links a change a review made to its decision.
 */
export const PortfolioChange = z.looseObject({
  id: z.string(),
  portfolioId: z.string(),
  at: z.string(),
  by: z.string(),
  effectiveFrom: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  created: z.boolean().optional(),
  source: z.object({ reviewId: z.string(), decision: z.string(), decidedFor: z.string() }).optional(),
})
export type PortfolioChange = z.infer<typeof PortfolioChange>
