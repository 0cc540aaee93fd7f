import { describe, expect, it } from 'vitest'
import { contextThresholdPassed } from '../pricing/contextThresholds'
import { bundledPricingTable } from '../pricing/pricingTable'
import type { RunUsage } from '../records/run'
import { emptyTokenCounts } from '../records/tokenCounts'
import { priceRunUsage } from './priceRunUsage'

const usage = (model: string, day: string, input: number, output: number, contextAbove = 0): RunUsage => ({
  model,
  day,
  contextAbove,
  tokens: { ...emptyTokenCounts(), input, output },
})

describe('priceRunUsage', () => {
  it('prices each stored day at the prices in force that day', () => {
    // gpt-5.6-sol: $5 / $30 per MTok until 2026-08-20, $4 / $20 from 2026-08-21.
    const priced = priceRunUsage([usage('gpt-5.6-sol', '2026-08-20', 100_000, 100_000), usage('gpt-5.6-sol', '2026-08-21', 100_000, 100_000)], bundledPricingTable())
    expect(priced.costUSD).toBe('5.9')
    expect(priced.costByMonth).toEqual({ '2026-08': '5.9' })
  })

  it("applies a model's long-context tier only to groups whose requests passed its threshold", () => {
    // claude-opus-4-6 billed requests above 200k input at $10 / $37.50 until 2026-03-12.
    const table = bundledPricingTable()
    const passed = contextThresholdPassed({ input: 300_000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 }, null)
    expect(passed).toBe(272_000)
    expect(priceRunUsage([usage('claude-opus-4-6', '2026-03-12', 300_000, 1_000, passed)], table).costUSD).toBe('3.0375')
    expect(priceRunUsage([usage('claude-opus-4-6', '2026-03-12', 300_000, 1_000, 128_000)], table).costUSD).toBe('1.525')
  })

  it('keeps a threshold of the import table that is not among the known ones', () => {
    const tokens = { input: 250_000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 }
    expect(contextThresholdPassed(tokens, 240_000)).toBe(240_000)
    expect(contextThresholdPassed(tokens, 260_000)).toBe(200_000)
    expect(contextThresholdPassed({ ...tokens, input: 1_000 }, null)).toBe(0)
  })
})
