import { describe, expect, it } from 'vitest'
import { formatDecimal, normalizeDecimal } from '../money/decimal'
import { computeCost, isLongContextRequest } from './computeCost'
import { bundledPricingTable, findModelPrices, loadPricingTable } from './pricingTable'

const tokens = (input: number, output: number, cacheWrite5m = 0, cacheWrite1h = 0, cacheRead = 0) => ({ input, output, cacheWrite5m, cacheWrite1h, cacheRead, reasoning: 0 })
const cost = (model: string, t: ReturnType<typeof tokens>, long = false) => formatDecimal(normalizeDecimal(computeCost(findModelPrices(bundledPricingTable(), model)!, t, long)))

describe('computeCost', () => {
  it('prices 5-minute and 1-hour cache writes apart', () => {
    // 3·$3 + 50·$15 + 60·$3.75 + 40·$6 + 1000·$0.30 per million
    expect(cost('claude-sonnet-4-5', tokens(3, 50, 60, 40, 1000))).toBe('0.001524')
  })

  it('bills the whole request at long-context rates past 200k input (Anthropic rule)', () => {
    const request = tokens(50_000, 2_000, 0, 0, 160_000)
    expect(isLongContextRequest(request)).toBe(true)
    expect(isLongContextRequest(tokens(40_000, 9_999, 0, 0, 160_000))).toBe(false)
    // 50k·$6 + 2k·$22.50 + 160k·$0.60 per million (ccusage, tiering per kind, says 0.228)
    expect(cost('claude-sonnet-4-5', request, true)).toBe('0.441')
    expect(cost('claude-sonnet-4-5', request, false)).toBe('0.228')
  })

  it('prices gpt-5-nano at its own published rates, not gpt-5\'s', () => {
    // 1M input·$0.05 + 1M output·$0.40 + 1M cached·$0.005 (gpt-5 would be 11.375)
    expect(cost('gpt-5-nano', tokens(1_000_000, 1_000_000, 0, 0, 1_000_000))).toBe('0.455')
  })

  it('falls back like ccusage when a table lacks cache prices', () => {
    const table = loadPricingTable({
      'plain-claude': { input_cost_per_token: 2e-6, litellm_provider: 'anthropic' },
      'plain-gpt': { input_cost_per_token: 2e-6, litellm_provider: 'openai' },
    })
    const t = tokens(0, 0, 1_000_000, 1_000_000, 1_000_000)
    // 1.25×, 2× and 0.1× input for Anthropic; cached input at the input price elsewhere
    expect(formatDecimal(normalizeDecimal(computeCost(findModelPrices(table, 'plain-claude')!, t)))).toBe('6.7')
    expect(formatDecimal(normalizeDecimal(computeCost(findModelPrices(table, 'plain-gpt')!, tokens(0, 0, 0, 0, 1_000_000))))).toBe('2')
  })
})
