import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCompactObjectAt, wantedField } from './compactJsonObject'
import { claudeTokens, claudeUsageAt } from '../logs/claudeCode/claudeRecord'
import { parseJsonObjectAt } from './jsonLine'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const WANTED = [wantedField('a'), wantedField('count'), wantedField('inner', [wantedField('b')])]

/** What JSON.parse gives for the object's text from `open` to `end`, or undefined when it throws. */
function parsedSpan(bytes: Uint8Array, open: number, end: number): unknown {
  try {
    return JSON.parse(decoder.decode(bytes.subarray(open, end)))
  } catch {
    return undefined
  }
}

/** The wanted fields of a parsed object, as readCompactObjectAt reads them (absent ones left out). */
function wantedOf(parsed: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const name of ['a', 'count']) if (name in parsed) picked[name] = parsed[name]
  if ('inner' in parsed) {
    const inner = parsed.inner as Record<string, unknown> | null
    picked.inner = inner === null ? null : 'b' in inner ? { b: inner.b } : {}
  }
  return picked
}

// Values such objects hold: counts (some too big, signed, fractional), strings with escapes, literals, nested objects, arrays.
const scalar = fc.oneof(
  fc.nat(),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1e15, 999_999_999_999_999, 1_000_000_000_000_000, 2 ** 53 + 2),
  fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', 'é', '\u0001') }),
  fc.constantFrom(null, true, false),
)
// Wanted names, keys they begin or end (read only when the whole key is the name), others.
const key = fc.oneof(fc.constantFrom('a', 'count', 'inner', 'b', 'other', '', 'a"b', 'é', '__proto__', 'coun', 'counts', 'ab', 'ba', 'a\\'), fc.string({ maxLength: 4 }))
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), fc.array(scalar, { maxLength: 2 })),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }),
})).value
/** An object's text with its entries in order (repeated keys kept, which JSON.stringify cannot write). */
function written(entries: unknown): string {
  if (!Array.isArray(entries) || !entries.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string')) return JSON.stringify(entries) ?? 'null'
  return `{${(entries as [string, unknown][]).map(([name, inner]) => `${JSON.stringify(name)}:${written(inner)}`).join(',')}}`
}
const objectText = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((entries) => written(entries))
// ... or with one byte put in, or one taken out, anywhere.
const broken = fc.tuple(objectText, fc.nat(), fc.constantFrom(...encoder.encode(' {}[]",:0-.e\\\n'), 0xc3)).map(([text, at, put]) => {
  const bytes = [...encoder.encode(text)]
  return at % 2 === 0 ? bytes.toSpliced(at % (bytes.length + 1), 0, put) : bytes.toSpliced(at % (bytes.length + 1), 1)
})
const bytesOf = fc.oneof(objectText.map((text) => [...encoder.encode(text)]), broken)

describe('readCompactObjectAt (property)', () => {
  it('reads only what JSON.parse accepts, and the same values for the wanted fields, ending where the object ends', () => {
    fc.assert(
      fc.property(bytesOf, fc.nat(5), fc.nat(3), (objectBytes, before, cut) => {
        // Within a line, at any offset, maybe cut short.
        const line = new Uint8Array([...encoder.encode('x'.repeat(before)), ...objectBytes, ...encoder.encode(',"rest":1}')])
        const end = Math.max(0, line.length - cut)
        const into: Record<string, unknown> = {}
        const objectEnd = readCompactObjectAt(line, before, end, WANTED, into)
        if (objectEnd === -1) return
        expect(objectEnd).toBeLessThanOrEqual(end)
        const parsed = parsedSpan(line, before, objectEnd)
        expect(parsed).toBeTypeOf('object')
        expect(into).toEqual(wantedOf(parsed as Record<string, unknown>))
      }),
      { numRuns: 5000 },
    )
  })

  it('reads the objects written compactly with plain values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.oneof(fc.nat(), fc.constantFrom(null, true, 'text', -1.5e3))), { maxLength: 6 }), (entries) => {
        // Wanted counts are whole numbers or null here, and `inner` an object.
        const plain = entries.map(([name, inner]): [string, unknown] => [name, name === 'inner' ? [['b', 7]] : name === 'a' || name === 'count' ? (typeof inner === 'number' && inner >= 0 ? inner : null) : inner])
        const bytes = encoder.encode(written(plain))
        if (/["\\]|[^\x20-\x7e]/.test(plain.map(([name]) => name).join(''))) return
        const into: Record<string, unknown> = {}
        expect(readCompactObjectAt(bytes, 0, bytes.length, WANTED, into)).toBe(bytes.length)
        expect(into).toEqual(wantedOf(JSON.parse(decoder.decode(bytes))))
      }),
    )
  })

  it('takes the last of a repeated key, as JSON.parse does', () => {
    for (const text of ['{"inner":{"b":1},"inner":{}}', '{"a":1,"a":null}', '{"inner":{"b":1,"b":2},"a":3,"a":4}']) {
      const into: Record<string, unknown> = {}
      expect(readCompactObjectAt(encoder.encode(text), 0, text.length, WANTED, into)).toBe(text.length)
      expect(into).toEqual(wantedOf(JSON.parse(text)))
    }
  })

  it('leaves to JSON.parse what it does not read: whitespace, arrays, escaped keys, signed or fractional counts, deep objects', () => {
    for (const text of ['{ "a":1}', '{"a":1 }', '{"x":[1]}', '{"\\u0061":1}', '{"a":-1}', '{"a":1.0}', '{"a":1e2}', '{"a":01}', '{"a":1234567890123456}', '{"inner":5}', '{"x":{"y":{"z":{"w":{"v":{}}}}}}']) {
      expect(readCompactObjectAt(encoder.encode(text), 0, text.length, WANTED, {}), text).toBe(-1)
    }
  })
})

describe('claudeUsageAt (property)', () => {
  const count = fc.oneof(fc.nat({ max: 200_000_000 }), fc.constantFrom(null, -1, 1.5, '12', 2 ** 60))
  const usage = fc.record(
    {
      input_tokens: count,
      output_tokens: count,
      cache_creation_input_tokens: count,
      cache_read_input_tokens: count,
      cache_creation: fc.oneof(fc.constant(null), fc.record({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count }, { requiredKeys: [] })),
      server_tool_use: fc.record({ web_search_requests: fc.nat() }),
      service_tier: fc.constantFrom('standard', 'priority', 'a "quoted" tier'),
    },
    { requiredKeys: [] },
  )

  it('gives claudeTokens what the parsed usage object gives it', () => {
    fc.assert(
      fc.property(usage, fc.nat(), fc.boolean(), (object, at, breakIt) => {
        let text = JSON.stringify(object)
        if (breakIt) text = text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1)
        const line = encoder.encode(`{"usage":${text},"x":1}`)
        const open = '{"usage":'.length
        const read = claudeUsageAt(line, open, line.length)
        const parsed = parseJsonObjectAt(line, open, line.length)
        expect(read === null).toBe(parsed === null)
        if (read !== null) expect(claudeTokens(read as Record<string, unknown>)).toEqual(claudeTokens(parsed as Record<string, unknown>))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads a usage object as Claude Code writes it from its bytes, without falling back to JSON.parse', () => {
    const usage = '{"input_tokens":3,"cache_creation_input_tokens":1200,"cache_read_input_tokens":45000,"cache_creation":{"ephemeral_5m_input_tokens":200,"ephemeral_1h_input_tokens":1000},"output_tokens":512,"service_tier":"standard","server_tool_use":{"web_search_requests":0},"inference_geo":null}'
    const line = encoder.encode(`{"message":{"usage":${usage}}}`)
    const open = '{"message":{"usage":'.length
    const wanted = [wantedField('input_tokens'), wantedField('output_tokens'), wantedField('cache_creation', [wantedField('ephemeral_1h_input_tokens')])]
    const into: Record<string, unknown> = {}
    expect(readCompactObjectAt(line, open, line.length, wanted, into)).toBe(open + usage.length)
    expect(into).toEqual({ input_tokens: 3, output_tokens: 512, cache_creation: { ephemeral_1h_input_tokens: 1000 } })
  })
})
