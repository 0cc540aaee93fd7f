import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDecimal } from '../money/decimal'
import { decimalFromNumber } from './exactPrice'
import { findModelPrices, loadPricingTable, pricesAt } from './pricingTable'

const price = fc.oneof(fc.double({ min: 0, max: 1e-3, noNaN: true }), fc.constantFrom(-1, Number.NaN, Infinity, '3e-6', null, {}, []))
const fields = fc.dictionary(
  fc.constantFrom('input_cost_per_token', 'output_cost_per_token', 'cache_read_input_token_cost', 'input_cost_per_token_above_200k_tokens', 'output_cost_per_token_above_9k_tokens', 'mode'),
  price,
)
const entry = fc.oneof(
  fields,
  fields.chain((own) =>
    fc.record({ aliases: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer())), fc.string()), prices_before: fc.oneof(fc.dictionary(fc.oneof(fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString().slice(0, 10))), fc.string()), fields), fc.string()) }).map((extra) => ({ ...own, ...extra })),
  ),
  fc.anything(),
)

describe('loadPricingTable on random and broken input', () => {
  it('never throws, keeps only models with an input price, and prices every period exactly as written', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.string(), entry), fc.anything()), fc.string(), fc.integer({ min: 0, max: 2 ** 42 }), (json, id, time) => {
        const table = loadPricingTable(json)
        for (const [key, model] of table.models) {
          const source = (json as Record<string, Record<string, unknown>>)[key]
          expect(formatDecimal(model.prices.input_cost_per_token!)).toBe(formatDecimal(decimalFromNumber(source.input_cost_per_token as number)))
          expect(pricesAt(model, time).prices.input_cost_per_token).toBeDefined()
          expect(model.earlier.map((period) => period.until)).toEqual(model.earlier.map((period) => period.until).sort((a, b) => a - b))
        }
        const found = findModelPrices(table, id, time)
        if (found) expect(found.prices.input_cost_per_token).toBeDefined()
      }),
      { numRuns: 300 },
    )
  })
})
