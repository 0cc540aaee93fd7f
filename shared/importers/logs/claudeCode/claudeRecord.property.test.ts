import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isObject, type JsonObject } from '../jsonFields'
import { isImplausible, MAX_REQUEST_TOKENS, readTokenCounts } from '../tokenCounts'
import { claudeTokens, claudeToolCall } from './claudeRecord'

/** claudeTokens as first written, from readTokenCounts' objects: what the count-by-count reading must give. */
function tokensFromCountObjects(usage: JsonObject) {
  if (typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return null
  const counts = readTokenCounts(usage, ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'], MAX_REQUEST_TOKENS)
  if (isImplausible(counts)) return counts
  const breakdown = isObject(usage.cache_creation) ? readTokenCounts(usage.cache_creation, ['ephemeral_1h_input_tokens'], MAX_REQUEST_TOKENS) : { ephemeral_1h_input_tokens: 0 }
  if (isImplausible(breakdown)) return breakdown
  const written1h = Math.min(breakdown.ephemeral_1h_input_tokens, counts.cache_creation_input_tokens)
  return {
    input: counts.input_tokens,
    output: counts.output_tokens,
    cacheWrite5m: counts.cache_creation_input_tokens - written1h,
    cacheWrite1h: written1h,
    cacheRead: counts.cache_read_input_tokens,
    reasoning: 0,
  }
}

describe('claudeTokens (property)', () => {
  const count = fc.oneof(fc.nat({ max: 2 * MAX_REQUEST_TOKENS }), fc.constantFrom(null, undefined, 0, -0, -1, 1.5, NaN, Infinity, '12', true, 2 ** 60), fc.anything())
  const usage = fc.record(
    {
      input_tokens: count,
      output_tokens: count,
      cache_creation_input_tokens: count,
      cache_read_input_tokens: count,
      cache_creation: fc.oneof(count, fc.record({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  )

  it('gives the counts, or names the implausible count, as reading them into objects did', () => {
    fc.assert(
      fc.property(usage, (object) => {
        expect(claudeTokens(object)).toStrictEqual(tokensFromCountObjects(object))
      }),
      { numRuns: 5000 },
    )
  })
})

describe('claudeToolCall (property)', () => {
  it('makes every call with the same properties in the same order (one shape for the hot readers), absent facts undefined', () => {
    const input = fc.oneof(fc.anything(), fc.record({ command: fc.oneof(fc.string(), fc.anything()), file_path: fc.oneof(fc.string(), fc.anything()), notebook_path: fc.string() }, { requiredKeys: [] }))
    fc.assert(
      fc.property(fc.string(), input, (name, value) => {
        const call = claudeToolCall(name, value)
        expect(Object.keys(call)).toEqual(['tool', 'command', 'paths'])
        const fields = isObject(value) ? value : {}
        expect(call.command).toBe(typeof fields.command === 'string' ? fields.command : undefined)
        const path = [fields.file_path, fields.notebook_path].find((candidate) => typeof candidate === 'string' && candidate !== '')
        expect(call.paths).toEqual(path === undefined ? undefined : [path])
      }),
    )
  })
})
