import type { Decimal } from '../money/decimal'
import type { Settings } from '../records/settings'
import bundledPrices from './bundledPrices.json'
import { decimalFromNumber } from './exactPrice'

/** The LiteLLM `model_prices_and_context_window.json` fields cost computation reads (USD per token). */
export const PRICE_FIELDS = [
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_creation_input_token_cost',
  'cache_creation_input_token_cost_above_1hr',
  'cache_read_input_token_cost',
  'input_cost_per_token_above_200k_tokens',
  'output_cost_per_token_above_200k_tokens',
  'cache_creation_input_token_cost_above_200k_tokens',
  'cache_creation_input_token_cost_above_1hr_above_200k_tokens',
  'cache_read_input_token_cost_above_200k_tokens',
] as const
export type PriceField = (typeof PRICE_FIELDS)[number]

/** One model's prices as exact decimals; a field the table lacks is absent. */
export interface ModelPrices {
  readonly model: string
  readonly provider: string | null
  readonly prices: Partial<Record<PriceField, Decimal>>
}

export interface PricingTable {
  readonly models: ReadonlyMap<string, ModelPrices>
  /** Normalized id → table key, for the second lookup step. */
  readonly normalized: ReadonlyMap<string, string>
  /** Resolved lookups (model ids repeat on every request). */
  readonly cache: Map<string, ModelPrices | null>
}

/**
 * Reads a LiteLLM-format table. Entries without a numeric `input_cost_per_token` (such as
 * `sample_spec`, whose fields are descriptive strings) and non-numeric fields are skipped.
 */
export function loadPricingTable(json: unknown): PricingTable {
  const models = new Map<string, ModelPrices>()
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [model, entry] of Object.entries(json as Record<string, unknown>)) {
      const prices = readPrices(entry)
      if (!prices || !prices.prices.input_cost_per_token) continue
      models.set(model, { model, ...prices })
    }
  }
  return indexTable(models)
}

let bundled: PricingTable | null = null

/** The offline snapshot shipped with the app (the Claude and GPT/Codex families). */
export function bundledPricingTable(): PricingTable {
  bundled ??= loadPricingTable(bundledPrices)
  return bundled
}

/** Settings overrides (model → LiteLLM field → per-token price) on top of a table; new models are added. */
export function applyPricingOverrides(table: PricingTable, overrides: Record<string, Record<string, number>>): PricingTable {
  const models = new Map(table.models)
  for (const [model, fields] of Object.entries(overrides)) {
    const base = models.get(model)
    const extra = readPrices(fields)
    if (!extra) continue
    models.set(model, { model, provider: extra.provider ?? base?.provider ?? null, prices: { ...base?.prices, ...extra.prices } })
  }
  return indexTable(models)
}

/** The table a workspace uses: its loaded LiteLLM file (or the bundled one) plus its overrides. */
export function pricingFromSettings(settings: Pick<Settings, 'pricingTable' | 'pricingOverrides'>): PricingTable {
  const base = settings.pricingTable ? loadPricingTable(settings.pricingTable) : bundledPricingTable()
  return Object.keys(settings.pricingOverrides).length ? applyPricingOverrides(base, settings.pricingOverrides) : base
}

/**
 * Finds a model's prices: the exact key, else the table key with the same normalized id
 * (see `normalizeModelId`), else the longest key the id starts with when the rest of the id
 * only says how the model is run ("gpt-5-mini-high", "claude-sonnet-4-5-thinking"). Any
 * other ending may name a different product with its own price ("gpt-5-nano",
 * "gpt-5-codex-mini", "claude-opus-4-6" against "claude-opus-4"), so such a model stays
 * unpriced rather than taking a shorter key's price.
 */
export function findModelPrices(table: PricingTable, model: string): ModelPrices | null {
  const cached = table.cache.get(model)
  if (cached !== undefined) return cached
  const found = lookup(table, model)
  table.cache.set(model, found)
  return found
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

function readPrices(entry: unknown): Omit<ModelPrices, 'model'> | null {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return null
  const record = entry as Record<string, unknown>
  const prices: Partial<Record<PriceField, Decimal>> = {}
  for (const field of PRICE_FIELDS) {
    const value = record[field]
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) prices[field] = decimalFromNumber(value)
  }
  const provider = typeof record.litellm_provider === 'string' ? record.litellm_provider : null
  return { provider, prices }
}

function indexTable(models: Map<string, ModelPrices>): PricingTable {
  const normalized = new Map<string, string>()
  // Exact-form keys first, so an undated key wins over a dated one with the same normal form.
  const keys = [...models.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b))
  for (const key of keys) {
    const id = normalizeModelId(key)
    if (!normalized.has(id)) normalized.set(id, key)
  }
  return { models, normalized, cache: new Map() }
}
