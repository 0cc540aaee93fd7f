import { describe, expect, it } from 'vitest'
import { formatDecimal } from '../money/decimal'
import { decimalFromNumber } from './exactPrice'
import { applyPricingOverrides, bundledPricingTable, findModelPrices, loadPricingTable, pricingFromSettings } from './pricingTable'

describe('decimalFromNumber', () => {
  it('turns LiteLLM float prices into the exact decimals they were written as', () => {
    expect(formatDecimal(decimalFromNumber(3e-6))).toBe('0.000003')
    expect(formatDecimal(decimalFromNumber(3e-7))).toBe('0.0000003')
    expect(formatDecimal(decimalFromNumber(1.875e-5))).toBe('0.00001875')
    expect(formatDecimal(decimalFromNumber(2.25e-5))).toBe('0.0000225')
    expect(formatDecimal(decimalFromNumber(1e21))).toBe('1000000000000000000000')
    expect(formatDecimal(decimalFromNumber(0))).toBe('0')
  })
})

describe('findModelPrices', () => {
  const table = bundledPricingTable()
  const keyOf = (model: string) => findModelPrices(table, model)?.model ?? null

  it('looks up exact, then normalized (prefix, date, dots), then the longest key at a boundary', () => {
    expect(keyOf('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5-20250929')
    expect(keyOf('anthropic/claude-opus-4.6')).toBe('claude-opus-4-6')
    expect(keyOf('claude-haiku-4-5@20251001')).toBe('claude-haiku-4-5')
    expect(keyOf('gpt-5.2-codex')).toBe('gpt-5.2-codex')
    expect(keyOf('openai/gpt-5-2025-08-07')).toBe('gpt-5')
    expect(keyOf('claude-sonnet-4-5-thinking')).toBe('claude-sonnet-4-5')
    expect(keyOf('gpt-5-mini-high')).toBe('gpt-5-mini')
  })

  it('never lets a shorter key match a longer model family or version', () => {
    expect(keyOf('gpt-5')).toBe('gpt-5')
    expect(keyOf('gpt-5-1-codex')).toBeNull()
    expect(keyOf('claude-opus-4-7')).toBeNull()
    expect(keyOf('claude-mystery-9')).toBeNull()
    expect(keyOf('<synthetic>')).toBeNull()
  })
})

describe('loading and overriding tables', () => {
  it('reads a LiteLLM file, skipping sample_spec and entries without a numeric input price', () => {
    const table = loadPricingTable({
      sample_spec: { input_cost_per_token: 'cost per input token', max_tokens: 'LEGACY' },
      'my-model': { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, litellm_provider: 'openai', mode: 'chat' },
      'image-model': { output_cost_per_image: 0.04 },
    })
    expect([...table.models.keys()]).toEqual(['my-model'])
    expect(formatDecimal(table.models.get('my-model')!.prices.output_cost_per_token!)).toBe('0.000002')
  })

  it('applies overrides field by field and adds new models', () => {
    const table = applyPricingOverrides(bundledPricingTable(), {
      'gpt-5': { output_cost_per_token: 8e-6 },
      'in-house-llm': { input_cost_per_token: 1e-7 },
    })
    const gpt5 = findModelPrices(table, 'gpt-5')!
    expect(formatDecimal(gpt5.prices.output_cost_per_token!)).toBe('0.000008')
    expect(formatDecimal(gpt5.prices.input_cost_per_token!)).toBe('0.00000125')
    expect(findModelPrices(table, 'in-house-llm')).not.toBeNull()
    // The bundled table itself is unchanged.
    expect(formatDecimal(findModelPrices(bundledPricingTable(), 'gpt-5')!.prices.output_cost_per_token!)).toBe('0.00001')
  })

  it('uses the workspace settings: a loaded table replaces the bundled one', () => {
    const table = pricingFromSettings({ pricingTable: { 'x-model': { input_cost_per_token: 1e-6 } }, pricingOverrides: {} })
    expect(findModelPrices(table, 'gpt-5')).toBeNull()
    expect(findModelPrices(table, 'x-model')).not.toBeNull()
  })
})
