import { describe, expect, it } from 'vitest'
import { formatDecimal, normalizeDecimal } from '../money/decimal'
import { computeCost, usesLongContextTier } from './computeCost'
import { perMillionTokens } from './exactPrice'
import { applyPricingOverrides, BUNDLED_PRICES_SOURCE, bundledPricingTable, findModelPrices, type ModelPrices, type PriceField } from './pricingTable'

/** A model's prices in dollars per million tokens, as the providers publish them. */
function perMillion(prices: ModelPrices | null, fields: readonly PriceField[]): string[] {
  if (!prices) throw new Error('not priced')
  return fields.map((field) => {
    const price = prices.prices[field]
    return price ? perMillionTokens(price) : '-'
  })
}

const CLAUDE: readonly PriceField[] = ['input_cost_per_token', 'output_cost_per_token', 'cache_creation_input_token_cost', 'cache_creation_input_token_cost_above_1hr', 'cache_read_input_token_cost']
const OPENAI: readonly PriceField[] = ['input_cost_per_token', 'cache_read_input_token_cost', 'output_cost_per_token']
const tokens = (input: number, output: number, cacheRead = 0) => ({ input, output, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead, reasoning: 0 })
const money = (prices: ModelPrices, t: ReturnType<typeof tokens>) => formatDecimal(normalizeDecimal(computeCost(prices, t, usesLongContextTier(prices, t))))

describe('the bundled table (generated from @pydantic/genai-prices)', () => {
  const table = bundledPricingTable()
  const at = (model: string, date?: string) => findModelPrices(table, model, date === undefined ? undefined : Date.parse(date))

  it('names its source', () => {
    expect(BUNDLED_PRICES_SOURCE).toMatch(/^@pydantic\/genai-prices \d+\.\d+\.\d+$/)
  })

  it("has Anthropic's published prices per million tokens: input, output, 5-minute write, 1-hour write, cache read", () => {
    // anthropic.com/pricing: Opus 4.5 and later $5 / $25; Opus 4 and 4.1 $15 / $75; Sonnet 4.x $3 / $15; Haiku 4.5 $1 / $5;
    // 5-minute writes 1.25×, 1-hour writes 2× and cache hits 0.1× the input price.
    for (const model of ['claude-opus-4-7', 'claude-opus-4-6', 'claude-opus-4-5']) expect(perMillion(at(model), CLAUDE), model).toEqual(['5', '25', '6.25', '10', '0.5'])
    expect(perMillion(at('claude-opus-4-1-20250805'), CLAUDE)).toEqual(['15', '75', '18.75', '30', '1.5'])
    expect(perMillion(at('claude-sonnet-4-5-20250929'), CLAUDE)).toEqual(['3', '15', '3.75', '6', '0.3'])
    expect(perMillion(at('claude-haiku-4-5-20251001'), CLAUDE)).toEqual(['1', '5', '1.25', '2', '0.1'])
    // Sonnet 4.5 above 200k input tokens: $6 / $22.50, writes $7.50 / $12, reads $0.60.
    const longSonnet = CLAUDE.map((field) => `${field}_above_200k_tokens` as PriceField)
    expect(perMillion(at('claude-sonnet-4-5'), longSonnet)).toEqual(['6', '22.5', '7.5', '12', '0.6'])
  })

  it("has OpenAI's and Google's published prices per million tokens: input, cached input, output", () => {
    // openai.com/api/pricing: GPT-5 (and gpt-5-codex) $1.25 / $0.125 / $10; mini and nano; GPT-5.3-Codex $1.75 / $0.175 / $14.
    expect(perMillion(at('gpt-5'), OPENAI)).toEqual(['1.25', '0.125', '10'])
    expect(perMillion(at('gpt-5-codex'), OPENAI)).toEqual(['1.25', '0.125', '10'])
    expect(perMillion(at('gpt-5-mini'), OPENAI)).toEqual(['0.25', '0.025', '2'])
    expect(perMillion(at('gpt-5-nano'), OPENAI)).toEqual(['0.05', '0.005', '0.4'])
    expect(perMillion(at('gpt-5.3-codex'), OPENAI)).toEqual(['1.75', '0.175', '14'])
    // ai.google.dev/pricing: Gemini 2.5 Pro $1.25 / $0.125 / $10 up to 200k prompt tokens, $2.50 / $0.25 / $15 above.
    expect(perMillion(at('gemini-2.5-pro'), OPENAI)).toEqual(['1.25', '0.125', '10'])
    expect(perMillion(at('gemini-2.5-pro'), OPENAI.map((field) => `${field}_above_200k_tokens` as PriceField))).toEqual(['2.5', '0.25', '15'])
  })

  it('prices the models the importers meet under every spelling they arrive in', () => {
    const key = (model: string) => findModelPrices(table, model)?.model ?? null
    expect(key('claude-opus-4-7')).toBe('claude-opus-4-7')
    expect(key('anthropic/claude-4.7-opus-20260401')).toBe('claude-opus-4-7')
    expect(key('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe('claude-sonnet-4-5')
    expect(key('vertex_ai/claude-opus-4-6@20260205')).toBe('claude-opus-4-6')
    expect(key('openrouter/openai/gpt-5.3-codex')).toBe('gpt-5.3-codex')
    expect(key('gpt-5-codex-high')).toBe('gpt-5')
    expect(key('google/gemini-2.5-pro')).toBe('gemini-2.5-pro')
  })

  it('prices a request at the price in force when it was made', () => {
    // gpt-5.6-sol: $5 / $30 until 2026-08-20, $4 / $20 from 2026-08-21 (UTC).
    const request = tokens(100_000, 100_000)
    expect(money(at('gpt-5.6-sol', '2026-08-20T23:59:59Z')!, request)).toBe('3.5')
    expect(money(at('gpt-5.6-sol', '2026-08-21T00:00:00Z')!, request)).toBe('2.4')
    expect(money(at('gpt-5.6-sol')!, request)).toBe('2.4')
    // claude-opus-4-6 lost its long-context tier on 2026-03-13: a 300k-token request before then is billed whole at $10 / $37.50.
    const long = tokens(300_000, 1_000)
    expect(money(at('claude-opus-4-6', '2026-03-12T12:00:00Z')!, long)).toBe('3.0375')
    expect(money(at('claude-opus-4-6', '2026-03-13T12:00:00Z')!, long)).toBe('1.525')
  })

  it("bills OpenAI's 272k tier whole, like Anthropic's 200k tier", () => {
    const gpt54 = at('gpt-5.4')!
    expect(gpt54.longContextAbove).toBe(272_000)
    expect(money(gpt54, tokens(200_000, 1_000, 72_000))).toBe('0.533') // 200k·2.5 + 72k·0.25 + 1k·15
    expect(money(gpt54, tokens(200_000, 1_000, 72_001))).toBe('1.0585005') // whole request at 5 / 0.5 / 22.5
  })

  it('applies a team override to every period of a model with a price history', () => {
    const table = applyPricingOverrides(bundledPricingTable(), { 'gpt-5.6-sol': { output_cost_per_token: 1e-5 } })
    const before = findModelPrices(table, 'gpt-5.6-sol', Date.parse('2026-08-01'))!
    const after = findModelPrices(table, 'gpt-5.6-sol', Date.parse('2026-09-01'))!
    expect(perMillion(before, ['input_cost_per_token', 'output_cost_per_token'])).toEqual(['5', '10'])
    expect(perMillion(after, ['input_cost_per_token', 'output_cost_per_token'])).toEqual(['4', '10'])
  })

  it('overrides an id the table knows under another spelling for that id only', () => {
    const table = applyPricingOverrides(bundledPricingTable(), { 'gpt-5-codex': { output_cost_per_token: 8e-6 } })
    expect(perMillion(findModelPrices(table, 'gpt-5-codex'), OPENAI)).toEqual(['1.25', '0.125', '8'])
    expect(perMillion(findModelPrices(table, 'gpt-5'), OPENAI)).toEqual(['1.25', '0.125', '10'])
  })
})
