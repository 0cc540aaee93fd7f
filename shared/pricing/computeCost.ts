import { multiplyDecimal, ZERO, type Decimal } from '../money/decimal'
import type { TokenCounts } from '../records/common'
import { tierField, type BasePriceField, type ModelPrices } from './pricingTable'

/** Anthropic bills a whole request at the long-context rates once its input exceeds this. */
export const LONG_CONTEXT_THRESHOLD = 200_000

const TIMES_1_25: Decimal = { units: 125n, scale: 2 }
const TIMES_2: Decimal = { units: 2n, scale: 0 }
const TIMES_0_1: Decimal = { units: 1n, scale: 1 }

/**
 * Whether a Claude request is billed at long-context rates. Anthropic's rule: when
 * input + cache reads + cache writes of the request exceed 200k tokens, *every* token of
 * the request (output included) is billed at the long-context price.
 *
 * ccusage differs: it tiers each token kind on its own (`tiered_cost(tokens, base, above)`,
 * only the part of that kind above 200k at the higher rate), so on sessions with
 * long-context requests its cost can be about half of ours. Token counts are unaffected.
 */
export function isLongContextRequest(tokens: Pick<TokenCounts, 'input' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h'>, threshold = LONG_CONTEXT_THRESHOLD): boolean {
  return tokens.input + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h > threshold
}

/**
 * Whether one request is billed at a model's long-context tier (`model.longContextAbove`): the
 * same whole-request rule, which genai-prices applies to every tiered model (Claude, Gemini, and
 * OpenAI's 272k tier).
 */
export function usesLongContextTier(model: ModelPrices, tokens: Pick<TokenCounts, 'input' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h'>): boolean {
  return model.longContextAbove !== null && isLongContextRequest(tokens, model.longContextAbove)
}

/**
 * The exact cost of `tokens` at a model's prices. `tokens.output` already includes reasoning
 * tokens where the provider bills them as output (Codex), so `reasoning` is not added again.
 * Missing fields fall back as ccusage does: 5-minute cache write 1.25× input, 1-hour write 2×
 * input, cache read 0.1× input (Anthropic) or the input price (other providers).
 */
export function computeCost(model: ModelPrices, tokens: TokenCounts, longContext = false): Decimal {
  const { scale, input, output, write5m, write1h, read } = unitPrices(model, longContext)
  let units = 0n
  if (tokens.input > 0) units += input * BigInt(tokens.input)
  if (tokens.output > 0) units += output * BigInt(tokens.output)
  if (tokens.cacheWrite5m > 0) units += write5m * BigInt(tokens.cacheWrite5m)
  if (tokens.cacheWrite1h > 0) units += write1h * BigInt(tokens.cacheWrite1h)
  if (tokens.cacheRead > 0) units += read * BigInt(tokens.cacheRead)
  return { units, scale }
}

interface UnitPrices {
  /** The fractional digits all five prices are brought to. */
  scale: number
  input: bigint
  output: bigint
  write5m: bigint
  write1h: bigint
  read: bigint
}

/**
 * A model's five per-token prices (fallbacks applied) at one common scale, worked out once per
 * model and tier: a stored run is priced again on every read, 100,000 of them per command.
 */
const unitPriceCache = new WeakMap<ModelPrices, { base?: UnitPrices; long?: UnitPrices }>()

function unitPrices(model: ModelPrices, longContext: boolean): UnitPrices {
  let cached = unitPriceCache.get(model)
  if (!cached) unitPriceCache.set(model, (cached = {}))
  const tier = longContext ? 'long' : 'base'
  return (cached[tier] ??= commonScale(decimalPrices(model, longContext)))
}

function decimalPrices(model: ModelPrices, longContext: boolean): Record<Exclude<keyof UnitPrices, 'scale'>, Decimal> {
  const price = (field: BasePriceField): Decimal | undefined => {
    const above = longContext && model.longContextAbove !== null ? model.prices[tierField(field, model.longContextAbove)] : undefined
    return above ?? model.prices[field]
  }
  const input = price('input_cost_per_token') ?? ZERO
  return {
    input,
    output: price('output_cost_per_token') ?? ZERO,
    write5m: price('cache_creation_input_token_cost') ?? multiplyDecimal(input, TIMES_1_25),
    write1h: price('cache_creation_input_token_cost_above_1hr') ?? multiplyDecimal(input, TIMES_2),
    read: price('cache_read_input_token_cost') ?? (model.provider === 'anthropic' || model.provider === null ? multiplyDecimal(input, TIMES_0_1) : input),
  }
}

function commonScale(prices: Record<Exclude<keyof UnitPrices, 'scale'>, Decimal>): UnitPrices {
  const scale = Math.max(...Object.values(prices).map((price) => price.scale))
  const at = (price: Decimal) => price.units * 10n ** BigInt(scale - price.scale)
  return { scale, input: at(prices.input), output: at(prices.output), write5m: at(prices.write5m), write1h: at(prices.write1h), read: at(prices.read) }
}
