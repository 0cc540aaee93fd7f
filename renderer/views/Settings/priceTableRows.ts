import { perMillionTokens } from '../../../shared/pricing/exactPrice'
import type { BasePriceField, PricingTable } from '../../../shared/pricing/pricingTable'

/** One model of the price table in use, as Settings lists it (dollars per million tokens, exact). */
export interface PriceRow {
  model: string
  provider: string
  aliases: readonly string[]
  prices: Record<BasePriceField, string>
  /** Tokens above which a request is billed at the long-context tier. */
  longContextAbove: number | null
  /** UTC dates on which this model's price changed. */
  changedOn: string[]
  overridden: boolean
}

const FIELDS: readonly BasePriceField[] = ['input_cost_per_token', 'output_cost_per_token', 'cache_creation_input_token_cost', 'cache_creation_input_token_cost_above_1hr', 'cache_read_input_token_cost']

export function priceTableRows(table: PricingTable, overrides: Record<string, unknown>): PriceRow[] {
  return [...table.models.values()]
    .map((model) => ({
      model: model.model,
      provider: model.provider ?? '',
      aliases: table.aliases.get(model.model) ?? [],
      prices: Object.fromEntries(FIELDS.map((field) => [field, model.prices[field] ? perMillionTokens(model.prices[field]) : ''])) as Record<BasePriceField, string>,
      longContextAbove: model.longContextAbove,
      changedOn: model.earlier.map((period) => new Date(period.until).toISOString().slice(0, 10)),
      overridden: model.model in overrides,
    }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model, undefined, { numeric: true }))
}

/** Rows whose model id, other names or provider contain every word of the query. */
export function searchPriceRows(rows: readonly PriceRow[], query: string): PriceRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return rows as PriceRow[]
  return rows.filter((row) => {
    const text = [row.model, row.provider, ...row.aliases].join(' ').toLowerCase()
    return words.every((word) => text.includes(word))
  })
}
