// Regenerates shared/pricing/bundledPrices.json, the app's offline price table, from the data of
// @pydantic/genai-prices (a dev dependency). Run after updating that package:
//   npm install --save-exact -D @pydantic/genai-prices@latest && npx tsx scripts/generate-bundled-prices.ts
// Why genai-prices, and what the output holds: shared/pricing/README.md.
import { readFileSync, writeFileSync } from 'node:fs'
import { findProvider, type MatchLogic, type ModelInfo, type ModelPrice, type TieredPrices } from '@pydantic/genai-prices'
import { normalizeModelId } from '../shared/pricing/pricingTable'

const OUTPUT = new URL('../shared/pricing/bundledPrices.json', import.meta.url)

// The model makers' own APIs, first party first: gateways (OpenRouter, Azure, Bedrock, Vertex,
// Hugging Face routers) resell the same models under prefixed ids, which the table's lookup
// reduces to these. A model an earlier provider already names stays with it (Vertex's Claude rows);
// one provider's dated snapshots keep their own rows ("gpt-4o-2024-05-13").
const PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'x-ai', 'deepseek', 'moonshotai', 'zai', 'zhipuai', 'minimax', 'cohere']

// genai-prices price key (USD per million tokens) → LiteLLM field (USD per token).
const FIELDS: Record<string, string> = {
  input_mtok: 'input_cost_per_token',
  output_mtok: 'output_cost_per_token',
  cache_write_mtok: 'cache_creation_input_token_cost',
  cache_write_1h_mtok: 'cache_creation_input_token_cost_above_1hr',
  cache_read_mtok: 'cache_read_input_token_cost',
}

/** "3.75" per million → 3.75e-6 per token, written so its shortest form is exactly that decimal. */
const perToken = (perMillion: number): number => Number(`${perMillion}e-6`)

/**
 * One period's prices as LiteLLM fields. A tiered price ({ base, tiers: [{ start, price }] })
 * becomes the base field plus `<field>_above_<N>k_tokens` (LiteLLM's spelling; genai-prices and
 * Anthropic bill the whole request at the tier once its input passes `start`).
 */
function litellmFields(prices: ModelPrice): Record<string, number> {
  const fields: Record<string, number> = {}
  for (const [key, field] of Object.entries(FIELDS)) {
    const price = prices[key]
    if (price === undefined) continue
    if (typeof price === 'number') {
      fields[field] = perToken(price)
      continue
    }
    const tiered = price as TieredPrices
    fields[field] = perToken(tiered.base)
    for (const tier of tiered.tiers) fields[`${field}_above_${Math.round(tier.start / 1000)}k_tokens`] = perToken(tier.price)
  }
  return fields
}

/** The literal ids a genai-prices `match` names (equals, starts_with), at any depth of or/and. */
function namedIds(match: MatchLogic): string[] {
  if ('or' in match) return match.or.flatMap(namedIds)
  if ('and' in match) return match.and.flatMap(namedIds)
  if ('equals' in match) return [match.equals]
  return 'starts_with' in match ? [match.starts_with] : []
}

/** Periods oldest first: genai-prices lists an unconstrained price and then start-date changes. */
function periodsOf(model: ModelInfo): { from: string | null; prices: ModelPrice }[] | null {
  if (!Array.isArray(model.prices)) return [{ from: null, prices: model.prices }]
  if (model.prices.some((period) => period.constraint && period.constraint.type !== 'start_date')) return null
  const periods = model.prices.map((period) => ({ from: period.constraint?.type === 'start_date' ? period.constraint.start_date : null, prices: period.prices }))
  return periods.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
}

const table: Record<string, Record<string, unknown>> = {}
const namedBy = new Map<string, string>() // normalized id → provider
const skipped: string[] = []
for (const providerId of PROVIDERS) {
  const provider = findProvider({ providerId })
  if (!provider) throw new Error(`genai-prices has no provider "${providerId}"`)
  for (const model of provider.models) {
    const aliases = [...new Set(namedIds(model.match))].filter((id) => id !== model.id)
    const ids = [model.id, ...aliases].map(normalizeModelId)
    if (ids.some((id) => (namedBy.get(id) ?? providerId) !== providerId)) continue
    const history = periodsOf(model)
    // Time-of-day prices (DeepSeek's peak hours) need the request's clock time, which this table cannot say.
    if (!history) {
      skipped.push(`${providerId}/${model.id} (time-of-day prices)`)
      continue
    }
    const current = litellmFields(history.at(-1)!.prices)
    if (current.input_cost_per_token === undefined) continue
    const entry: Record<string, unknown> = { litellm_provider: providerId, ...current }
    if (aliases.length) entry.aliases = aliases
    // Earlier prices, keyed by the UTC date the next price took effect: "before 2026-03-13, these".
    const before: Record<string, Record<string, number>> = {}
    for (let i = 1; i < history.length; i++) before[history[i].from!] = litellmFields(history[i - 1].prices)
    if (history.length > 1) entry.prices_before = before
    table[model.id] = entry
    for (const id of ids) namedBy.set(id, providerId)
  }
}

const { version } = JSON.parse(readFileSync(new URL('../node_modules/@pydantic/genai-prices/package.json', import.meta.url), 'utf8'))
const source = { source: `@pydantic/genai-prices ${version}`, generated_by: 'scripts/generate-bundled-prices.mjs' }
// One model per line: small diffs when the source updates, and still plain JSON.
const lines = [`  "_source": ${JSON.stringify(source)}`, ...Object.entries(table).map(([id, entry]) => `  ${JSON.stringify(id)}: ${JSON.stringify(entry)}`)]
const text = `{\n${lines.join(',\n')}\n}\n`
writeFileSync(OUTPUT, text)
console.log(`${Object.keys(table).length} models from ${source.source} → ${OUTPUT.pathname} (${text.length} bytes)`)
for (const line of skipped) console.log(`skipped ${line}`)
