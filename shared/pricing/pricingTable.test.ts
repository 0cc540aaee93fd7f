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
    expect(keyOf('claude-sonnet-4-5')).toBe('claude-sonnet-4-5')
    expect(keyOf('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5')
    expect(keyOf('anthropic/claude-opus-4.6')).toBe('claude-opus-4-6')
    expect(keyOf('claude-haiku-4-5@20251001')).toBe('claude-haiku-4-5')
    expect(keyOf('gpt-5.3-codex')).toBe('gpt-5.3-codex')
    expect(keyOf('openai/gpt-5-2025-08-07')).toBe('gpt-5')
    expect(keyOf('claude-sonnet-4-5-thinking')).toBe('claude-sonnet-4-5')
    expect(keyOf('gpt-5-mini-high')).toBe('gpt-5-mini')
  })

  it('never lets a shorter key match a longer model family or version', () => {
    expect(keyOf('gpt-5')).toBe('gpt-5')
    expect(keyOf('gpt-5-9-codex')).toBeNull()
    expect(keyOf('claude-opus-4-9')).toBeNull()
    expect(keyOf('claude-mystery-9')).toBeNull()
    expect(keyOf('<synthetic>')).toBeNull()
  })

  it('resolves gateway and cloud spellings of a model to its table entry', () => {
    expect(keyOf('anthropic/claude-4.6-opus-20260205')).toBe('claude-opus-4-6')
    expect(keyOf('openrouter/anthropic/claude-4.5-sonnet')).toBe('claude-sonnet-4-5')
    expect(keyOf('us.anthropic.claude-opus-4-6-v1:0')).toBe('claude-opus-4-6')
    expect(keyOf('bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0')).toBe('claude-haiku-4-5')
    expect(keyOf('vertex_ai/claude-opus-4-5@20251101')).toBe('claude-opus-4-5')
    expect(keyOf('claude-opus-4-6[1m]')).toBe('claude-opus-4-6')
    expect(keyOf('anthropic/claude-4-opus')).toBe('claude-opus-4-0')
    // Claude 3 keys put the version first too; both spellings meet in the middle.
    const claude3 = loadPricingTable({ 'claude-3-5-sonnet-20241022': { input_cost_per_token: 3e-6 } })
    expect(findModelPrices(claude3, 'anthropic/claude-sonnet-3.5')?.model).toBe('claude-3-5-sonnet-20241022')
    expect(findModelPrices(claude3, 'claude-3-5-sonnet-latest')?.model).toBe('claude-3-5-sonnet-20241022')
  })

  it('keeps gateway spellings to their own version, and reads "-v3" as a name, not a Bedrock revision', () => {
    expect(keyOf('anthropic/claude-4.9-opus-20270401')).toBeNull()
    expect(keyOf('anthropic/claude-4.7-opus-20260401')).toBe('claude-opus-4-7')
    expect(keyOf('anthropic/claude-6-sonnet')).toBeNull()
    const table = loadPricingTable({ deepseek: { input_cost_per_token: 1e-6 } })
    expect(findModelPrices(table, 'deepseek-v3')).toBeNull()
  })

  it('never prices a different product tier at a shorter key', () => {
    // A table without the tiers: they stay unpriced instead of costing as gpt-5.
    const gpt5Only = loadPricingTable({ 'gpt-5': { input_cost_per_token: 1.25e-6 }, 'gpt-5-codex': { input_cost_per_token: 1.25e-6 } })
    for (const model of ['gpt-5-nano', 'gpt-5-mini', 'gpt-5-pro', 'gpt-5-codex-mini', 'gpt-5-chat-latest', 'openai/gpt-5-nano-2025-08-07']) {
      expect(findModelPrices(gpt5Only, model), model).toBeNull()
    }
    expect(findModelPrices(gpt5Only, 'gpt-5-2025-08-07')?.model).toBe('gpt-5')
    expect(findModelPrices(gpt5Only, 'gpt-5-codex-high')?.model).toBe('gpt-5-codex')
    // The bundled table prices the tiers it has on their own rows.
    expect(keyOf('gpt-5-nano')).toBe('gpt-5-nano')
    expect(keyOf('gpt-5-nano-2025-08-07')).toBe('gpt-5-nano')
    expect(keyOf('gpt-5-mini-2025-08-07')).toBe('gpt-5-mini')
    expect(keyOf('gpt-5-codex-mini')).toBeNull()
    expect(keyOf('claude-opus-4-6-fast')).toBeNull()
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
