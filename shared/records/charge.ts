import { z } from 'zod'
import { CurrencyCode, DecimalString, IsoInstant, SourceLocation, TokenCounts } from './common'

export const ChargeGranularity = z.enum(['event', 'hour', 'day', 'month'])
export const CostKind = z.enum(['billed', 'list', 'estimated', 'included', 'not_charged', 'none'])
export const ChargeType = z.enum(['usage', 'refund', 'credit', 'tax', 'purchase', 'other'])

/**
 * One billing line, normalized. Dimensions are kept as the provider gives them;
 * `identity` is the row's natural key in its format (hashed when long: chargeIdentity.ts),
 * so overlapping exports of the same account count each row once.
 */
export const Charge = z.object({
  identity: z.string(),
  format: z.string(),
  provider: z.string(),
  start: IsoInstant,
  end: IsoInstant.nullable(),
  granularity: ChargeGranularity,
  model: z.string().nullable(),
  service: z.string().nullable(),
  account: z.string().nullable(),
  workspace: z.string().nullable(),
  project: z.string().nullable(),
  apiKey: z.string().nullable(),
  costCenter: z.string().nullable(),
  /** Pseudonymous unless the team turned attribution on. */
  user: z.string().nullable(),
  tokenType: z.string().nullable(),
  tokens: TokenCounts.partial().nullable(),
  quantity: z.object({ value: DecimalString, unit: z.string() }).nullable(),
  cost: DecimalString,
  /**
   * The price before discounts, or the value of usage that was not billed (Anthropic
   * list_price_usd, Copilot gross_amount, Cursor "Included" rows, FOCUS ListCost), in `currency`.
   * Optional: added with the billing importers; `cost` stays what was billed.
   */
  listCost: DecimalString.optional(),
  currency: CurrencyCode,
  costKind: CostKind,
  chargeType: ChargeType,
  tags: z.record(z.string(), z.string()),
  source: SourceLocation,
})
export type Charge = z.infer<typeof Charge>
