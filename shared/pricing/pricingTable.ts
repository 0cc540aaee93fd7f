import type { Decimal } from '../money/decimal'
import type { Settings } from '../records/settings'
import bundledPrices from './bundledPrices.json'
import { decimalFromNumber } from './exactPrice'

/** The LiteLLM `model_prices_and_context_window.json` fields cost computation reads (USD per token). */
export const BASE_PRICE_FIELDS = [
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_creation_input_token_cost',
  'cache_creation_input_token_cost_above_1hr',
  'cache_read_input_token_cost',
] as const
export type BasePriceField = (typeof BASE_PRICE_FIELDS)[number]
/** A long-context tier's price: `input_cost_per_token_above_200k_tokens`, `…_above_272k_tokens`. */
export type TierPriceField = `${BasePriceField}_above_${number}k_tokens`
export type PriceField = BasePriceField | TierPriceField

const TIER_FIELD = new RegExp(`^(?:${BASE_PRICE_FIELDS.join('|')})_above_(\\d+)k_tokens$`)

/** Whether a LiteLLM field is a price this table reads. */
export function isPriceField(field: string): field is PriceField {
  return (BASE_PRICE_FIELDS as readonly string[]).includes(field) || TIER_FIELD.test(field)
}

/** The long-context tier field of a base field at a threshold (tokens). */
export function tierField(field: BasePriceField, above: number): TierPriceField {
  return `${field}_above_${above / 1000}k_tokens`
}

/** One model's prices as exact decimals; a field the table lacks is absent. */
export interface ModelPrices {
  readonly model: string
  readonly provider: string | null
  readonly prices: Partial<Record<PriceField, Decimal>>
  /**
   * Input tokens (uncached + cache reads + cache writes) above which a request is billed whole
   * at the tier prices (`…_above_200k_tokens`); null when the model has no tier.
   */
  readonly longContextAbove: number | null
  /**
   * Earlier prices, oldest first: each applied to requests made before `until` (UTC ms).
   * `prices` are the ones in force since the last change. Empty when the source has no history.
   */
  readonly earlier: readonly { readonly until: number; readonly prices: ModelPrices }[]
}

export interface PricingTable {
  readonly models: ReadonlyMap<string, ModelPrices>
  /** Normalized id (of a key or of one of its aliases) → table key, for the second lookup step. */
  readonly normalized: ReadonlyMap<string, string>
  /** Other ids a key's source names the model by ("claude-4-6-opus" for claude-opus-4-6). */
  readonly aliases: ReadonlyMap<string, readonly string[]>
  /** Resolved lookups (model ids repeat on every request). */
  readonly cache: Map<string, ModelPrices | null>
}

/**
 * Reads a LiteLLM-format table. Entries without a numeric `input_cost_per_token` (such as
 * `sample_spec`, whose fields are descriptive strings) and non-numeric fields are skipped.
 * Two optional fields of the bundled table extend the format: `aliases` (other ids of the
 * model) and `prices_before` (UTC date → the fields in force before that date).
 */
export function loadPricingTable(json: unknown): PricingTable {
  const models = new Map<string, ModelPrices>()
  const aliases = new Map<string, readonly string[]>()
  if (isRecord(json)) {
    for (const [model, entry] of Object.entries(json)) {
      const prices = readModelPrices(model, entry)
      if (!prices) continue
      models.set(model, prices)
      const names = isRecord(entry) && Array.isArray(entry.aliases) ? entry.aliases.filter((name): name is string => typeof name === 'string') : []
      if (names.length) aliases.set(model, names)
    }
  }
  return indexTable(models, aliases)
}

let bundled: PricingTable | null = null

/** The offline table shipped with the app, generated from @pydantic/genai-prices (see README.md here). */
export function bundledPricingTable(): PricingTable {
  bundled ??= loadPricingTable(bundledPrices)
  return bundled
}

/** Where the bundled table comes from ("@pydantic/genai-prices 0.1.8"). */
export const BUNDLED_PRICES_SOURCE: string = bundledPrices._source.source

/**
 * Settings overrides (model → LiteLLM field → per-token price) on top of a table; new models are
 * added. An override is the price the team pays, so it replaces that field in earlier periods too.
 */
export function applyPricingOverrides(table: PricingTable, overrides: Record<string, Record<string, number>>): PricingTable {
  const models = new Map(table.models)
  for (const [model, fields] of Object.entries(overrides)) {
    const extra = readFields(fields)
    // An id the table knows under another spelling ("gpt-5-codex", priced as gpt-5) starts from
    // those prices and becomes a row of its own, so the override changes that id only.
    const base = models.get(model) ?? findModelPrices(table, model) ?? undefined
    if (!extra || (!base && !extra.input_cost_per_token)) continue
    const provider = typeof fields.litellm_provider === 'string' ? fields.litellm_provider : (base?.provider ?? null)
    const merged = (prices: ModelPrices | undefined): ModelPrices => withPrices(model, provider, { ...prices?.prices, ...extra }, [])
    models.set(model, { ...merged(base), earlier: (base?.earlier ?? []).map(({ until, prices }) => ({ until, prices: merged(prices) })) })
  }
  return indexTable(models, table.aliases)
}

/** The table a workspace uses: its loaded LiteLLM file (or the bundled one) plus its overrides. */
export function pricingFromSettings(settings: Pick<Settings, 'pricingTable' | 'pricingOverrides'>): PricingTable {
  const base = settings.pricingTable ? loadPricingTable(settings.pricingTable) : bundledPricingTable()
  return Object.keys(settings.pricingOverrides).length ? applyPricingOverrides(base, settings.pricingOverrides) : base
}

/** The prices in force at `time` (UTC ms): the model's own, or an earlier period's. */
export function pricesAt(model: ModelPrices, time: number): ModelPrices {
  return pricesInPeriod(model, pricePeriodAt(model, time))
}

/** A model's prices in one of its periods (see `pricePeriodAt`). */
export function pricesInPeriod(model: ModelPrices, period: number): ModelPrices {
  return period < model.earlier.length ? model.earlier[period].prices : model
}

/** Which of a model's price periods `time` falls in: 0 for the oldest, `earlier.length` for the current one. */
export function pricePeriodAt(model: ModelPrices, time: number): number {
  const index = model.earlier.findIndex((period) => time < period.until)
  return index === -1 ? model.earlier.length : index
}

/**
 * Finds a model's prices: the exact key, else the table key with the same normalized id
 * (see `normalizeModelId`), else the longest key the id starts with when the rest of the id
 * only says how the model is run ("gpt-5-mini-high", "claude-sonnet-4-5-thinking"). Any
 * other ending may name a different product with its own price ("gpt-5-nano",
 * "gpt-5-codex-mini", "claude-opus-4-6" against "claude-opus-4"), so such a model stays
 * unpriced rather than taking a shorter key's price. With `at` (UTC ms), the prices in force then.
 */
export function findModelPrices(table: PricingTable, model: string, at?: number): ModelPrices | null {
  let found = table.cache.get(model)
  if (found === undefined) table.cache.set(model, (found = lookup(table, model)))
  return found && at !== undefined ? pricesAt(found, at) : found
}

function lookup(table: PricingTable, model: string): ModelPrices | null {
  const exact = table.models.get(model)
  if (exact) return exact
  const id = normalizeModelId(model)
  const key = table.normalized.get(id)
  if (key) return table.models.get(key)!
  let best: string | null = null
  for (const candidate of table.normalized.keys()) {
    if ((!best || candidate.length > best.length) && isVariantOf(id, candidate)) best = candidate
  }
  return best ? table.models.get(table.normalized.get(best)!)! : null
}

function isVariantOf(id: string, key: string): boolean {
  return id.startsWith(key) && SAME_PRICE_ENDING.test(id.slice(key.length))
}

/**
 * Endings that keep the base model's per-token price: reasoning effort, extended thinking,
 * the "-latest" alias and Claude Code's "[1m]" context flag (the long-context tier is
 * chosen per request from token counts, not from the name).
 */
const SAME_PRICE_ENDING = /^(?:-(?:minimal|low|medium|high|xhigh|thinking|latest)|\[1m\])+$/

/** Bedrock ids: region and vendor before the name, a revision after ("us.anthropic.claude-opus-4-6-v1:0"). */
const BEDROCK_ID = /^(?:[a-z]+\.)+(.+?)(?:-v\d+(?::\d+)?)?$/

/**
 * One spelling per model, applied to table keys and looked-up ids alike: lower case; no
 * gateway path ("openrouter/anthropic/"), Bedrock region, vendor or revision, or snapshot
 * date ("-20250929", "@20251001", "-2025-08-07"); "." → "-"; and Claude's family before its
 * version, as Claude 3 ids ("claude-3-5-sonnet") and some gateways ("claude-4.6-opus") put
 * the version first.
 */
export function normalizeModelId(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^.*\//, '')
    .replace(BEDROCK_ID, '$1')
    .replace(/[@-](\d{8}|\d{4}-\d{2}-\d{2})$/, '')
    .replace(/[.@]/g, '-')
    .replace(/^claude-(\d{1,2}(?:-\d{1,2})?)-([a-z]+)/, 'claude-$2-$1')
}

function readModelPrices(model: string, entry: unknown): ModelPrices | null {
  const prices = readFields(entry)
  if (!prices?.input_cost_per_token) return null
  const record = entry as Record<string, unknown>
  const provider = typeof record.litellm_provider === 'string' ? record.litellm_provider : null
  const earlier: { until: number; prices: ModelPrices }[] = []
  if (isRecord(record.prices_before)) {
    for (const [date, fields] of Object.entries(record.prices_before)) {
      const until = Date.parse(date)
      const before = readFields(fields)
      if (Number.isFinite(until) && before?.input_cost_per_token) earlier.push({ until, prices: withPrices(model, provider, before, []) })
    }
    earlier.sort((a, b) => a.until - b.until)
  }
  return withPrices(model, provider, prices, earlier)
}

function withPrices(model: string, provider: string | null, prices: Partial<Record<PriceField, Decimal>>, earlier: ModelPrices['earlier']): ModelPrices {
  return { model, provider, prices, longContextAbove: longContextThreshold(prices), earlier }
}

/** The lowest threshold among a model's tier fields ("…_above_200k_tokens" → 200000). */
function longContextThreshold(prices: Partial<Record<PriceField, Decimal>>): number | null {
  let lowest: number | null = null
  for (const field of Object.keys(prices)) {
    const match = TIER_FIELD.exec(field)
    if (match && (lowest === null || Number(match[1]) * 1000 < lowest)) lowest = Number(match[1]) * 1000
  }
  return lowest
}

/** The numeric price fields of an entry, or null when it is not an object. */
function readFields(entry: unknown): Partial<Record<PriceField, Decimal>> | null {
  if (!isRecord(entry)) return null
  const prices: Partial<Record<PriceField, Decimal>> = {}
  for (const [field, value] of Object.entries(entry)) {
    if (isPriceField(field) && typeof value === 'number' && Number.isFinite(value) && value >= 0) prices[field] = decimalFromNumber(value)
  }
  return prices
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}

function indexTable(models: Map<string, ModelPrices>, aliases: ReadonlyMap<string, readonly string[]>): PricingTable {
  const normalized = new Map<string, string>()
  const register = (id: string, key: string) => {
    if (!normalized.has(id)) normalized.set(id, key)
  }
  // Exact-form keys first, so an undated key wins over a dated one with the same normal form;
  // then aliases, so a model's own id is never taken by another model's alias.
  const keys = [...models.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b))
  for (const key of keys) register(normalizeModelId(key), key)
  for (const key of keys) for (const alias of aliases.get(key) ?? []) register(normalizeModelId(alias), key)
  return { models, normalized, aliases, cache: new Map() }
}
