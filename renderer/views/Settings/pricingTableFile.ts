import { isPriceField, loadPricingTable } from '../../../shared/pricing/pricingTable'

/**
 * Reads a LiteLLM `model_prices_and_context_window.json` and keeps only what cost needs (the
 * price fields, provider, aliases and earlier prices of each priced model), so the copy stored in the shared
 * workspace stays small. Throws with a reason when the file is not such a table.
 */
export function compactLiteLlmTable(text: string, fileName: string): { table: Record<string, Record<string, unknown>>; models: number } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${fileName} is not valid JSON`)
  }
  const loaded = loadPricingTable(json)
  if (loaded.models.size === 0) throw new Error(`${fileName} has no model with an input_cost_per_token: is it LiteLLM's model_prices_and_context_window.json?`)
  const source = json as Record<string, Record<string, unknown>>
  const table: Record<string, Record<string, unknown>> = {}
  for (const model of loaded.models.keys()) {
    const entry: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(source[model])) if (isPriceField(field) || KEPT_FIELDS.has(field)) entry[field] = value
    table[model] = entry
  }
  return { table, models: loaded.models.size }
}

const KEPT_FIELDS = new Set(['litellm_provider', 'aliases', 'prices_before'])

const PER_MILLION = 1_000_000

/** People think in dollars per million tokens; LiteLLM stores dollars per token. */
export function perTokenFromPerMillion(text: string): number | null {
  const value = Number(text.trim().replace(/^\$/, ''))
  return Number.isFinite(value) && value >= 0 && text.trim() !== '' ? value / PER_MILLION : null
}

export function perMillionFromPerToken(value: unknown): string {
  return typeof value === 'number' ? String(Math.round(value * PER_MILLION * 1e6) / 1e6) : ''
}
