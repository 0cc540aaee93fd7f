import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { Charge } from '../records/charge'
import { decodeCheckedBatchPayload, encodeBatchPayload } from './batchPayload'

const validCharge = fc.record(
  {
    identity: fc.constantFrom('a', 'b', '0123456789abcdef0123456789abcdef'),
    format: fc.constant('anthropic-console-cost'),
    provider: fc.constant('anthropic'),
    start: fc.constantFrom('2026-08-05T00:00:00.000Z', '2026-08-06T00:00:00.000Z'),
    end: fc.constantFrom(null, '2026-08-06T00:00:00.000Z'),
    granularity: fc.constantFrom('day', 'event'),
    model: fc.constantFrom(null, 'Claude Sonnet 4.6', 'Claude Opus 4.6'),
    service: fc.constant(null),
    account: fc.constant(null),
    workspace: fc.constantFrom('Default', 'Claude Code'),
    project: fc.constant(null),
    apiKey: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
    costCenter: fc.constant(null),
    user: fc.constant(null),
    tokenType: fc.constantFrom(null, 'output'),
    tokens: fc.option(fc.record({ input: fc.nat(9), output: fc.nat(9) }, { requiredKeys: ['output'] }), { nil: null }),
    quantity: fc.option(fc.record({ value: fc.constantFrom('1', '2.5'), unit: fc.constant('requests') }), { nil: null }),
    cost: fc.constantFrom('0', '1.25', '-0.50'),
    listCost: fc.constantFrom('1', '2'),
    currency: fc.constantFrom('USD', 'EUR'),
    costKind: fc.constantFrom('billed', 'included'),
    chargeType: fc.constant('usage'),
    tags: fc.dictionary(fc.constantFrom('team', 'env'), fc.constantFrom('x', 'y'), { maxKeys: 2 }),
    source: fc.record({ file: fc.constant('cost.csv'), line: fc.nat(20) }),
  },
  { requiredKeys: ['identity', 'format', 'provider', 'start', 'end', 'granularity', 'model', 'service', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'user', 'tokenType', 'tokens', 'quantity', 'cost', 'currency', 'costKind', 'chargeType', 'tags', 'source'] },
)

/** What can go wrong in a stored record: a bad value, a missing required key, a key the schema drops. */
const damage = fc.oneof(
  fc.record({ key: fc.constantFrom('cost', 'start', 'currency', 'granularity'), value: fc.constantFrom('NaN', 'yesterday', 'usd', 7, null) }),
  fc.record({ key: fc.constantFrom('source', 'tags', 'tokens'), value: fc.constantFrom({ file: 1, line: 2 }, { team: 3 }, { input: -1 }, 'x') }),
  fc.record({ key: fc.constantFrom('identity', 'cost', 'source'), value: fc.constant(undefined) }),
  fc.record({ key: fc.constant('unexpected'), value: fc.constant('kept by nobody') }),
)

const records = fc
  .tuple(fc.array(validCharge, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), damage), { maxLength: 2 }))
  .map(([charges, damages]) => {
    const list: Record<string, unknown>[] = charges.map((charge) => ({ ...charge }))
    for (const [at, { key, value }] of damages) if (list.length > 0) list[at % list.length][key] = value
    return list
  })

/** JSON with every object's keys sorted: equal for records that differ only in key order. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, inner: unknown) => (inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner))

describe('checking batch records column by column', () => {
  test('says valid exactly when every record parses unchanged, and then gives what parsing each gives (property)', () => {
    fc.assert(
      fc.property(records, (list) => {
        const { records: decoded, valid } = decodeCheckedBatchPayload(encodeBatchPayload(list), Charge)
        const parsed = decoded.map((record) => Charge.safeParse(record))
        const unchanged = parsed.every((result, index) => result.success && canonical(result.data) === canonical(decoded[index]))
        expect(valid).toBe(unchanged)
        if (valid) expect(decoded).toEqual(parsed.map((result) => result.data))
      }),
      { numRuns: 500 },
    )
  })

  test('a key with a default is not left out: parsing would fill it in', () => {
    const schema = z.object({ id: z.string(), unit: z.string().default('tokens') })
    const check = (list: unknown[]) => decodeCheckedBatchPayload(encodeBatchPayload(list), schema).valid
    expect(check([{ id: 'a', unit: 'requests' }])).toBe(true)
    expect(check([{ id: 'a', unit: 'requests' }, { id: 'b' }])).toBe(false)
  })

  test('a record schema with enum keys, or an object refined as a whole, is checked value by value', () => {
    const schema = z.object({ byTeam: z.record(z.enum(['a', 'b']), z.number()), range: z.object({ from: z.number(), to: z.number() }).refine((r) => r.from <= r.to) })
    const check = (list: unknown[]) => decodeCheckedBatchPayload(encodeBatchPayload(list), schema).valid
    expect(check([{ byTeam: { a: 1, b: 2 }, range: { from: 1, to: 2 } }])).toBe(true)
    expect(check([{ byTeam: { a: 1 }, range: { from: 1, to: 2 } }])).toBe(false)
    expect(check([{ byTeam: { a: 1, b: 2 }, range: { from: 3, to: 2 } }])).toBe(false)
  })
  test('lists are checked item by item across all records, plain strings, numbers and booleans by type, strings with checks (patterns, refinements, a trim) as zod checks them (property)', () => {
    const Call = z.object({ tool: z.string(), command: z.array(z.string()).optional() })
    const schema = z.object({
      id: z.string(),
      n: z.number(),
      flag: z.boolean(),
      steps: z.array(z.string()),
      calls: z.array(Call).optional(),
      few: z.array(z.number()).max(2),
      when: z.string().regex(/^\d+$/).regex(/1/g),
      amount: z.string().refine((text) => /^-?\d+(\.\d+)?$/.test(text)),
      name: z.string().trim(),
    })
    const item = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null))
    const value = fc.oneof(item, fc.array(item, { maxLength: 3 }), fc.record({ tool: item }), fc.constant(undefined))
    const record = fc.record({
      id: fc.string({ maxLength: 4 }),
      n: fc.double({ noNaN: true, noDefaultInfinity: true }),
      flag: fc.boolean(),
      steps: fc.array(fc.constantFrom('read', 'edit', 'test'), { maxLength: 4 }),
      calls: fc.option(fc.array(fc.record({ tool: fc.constantFrom('Read', 'Bash'), command: fc.option(fc.array(fc.constantFrom('npm', 'test'), { maxLength: 2 }), { nil: undefined }) }), { maxLength: 3 }), { nil: undefined }),
      few: fc.array(fc.nat(9), { maxLength: 3 }),
      when: fc.stringMatching(/^[0-9]{0,5}1[0-9]{0,5}$/),
      amount: fc.stringMatching(/^-?[0-9]{1,4}(\.[0-9]{1,3})?$/),
      name: fc.oneof({ weight: 9, arbitrary: fc.stringMatching(/^[a-z]{3,8}$/) }, { weight: 1, arbitrary: fc.stringMatching(/^ [a-z]{3,8}$/) }),
    })
    const damaged = fc
      .tuple(fc.array(record, { maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('id', 'n', 'flag', 'steps', 'calls', 'few', 'when', 'amount', 'other'), value), { maxLength: 2 }), fc.array(fc.tuple(fc.nat(), fc.nat(), item), { maxLength: 2 }))
      .map(([list, damages, itemDamages]) => {
        const out: Record<string, unknown>[] = list.map((r) => ({ ...r, steps: [...r.steps] }))
        for (const [at, key, bad] of damages) if (out.length > 0) out[at % out.length][key] = bad
        for (const [at, index, bad] of itemDamages) {
          const steps = out[at % Math.max(1, out.length)]?.steps
          if (Array.isArray(steps) && steps.length > 0) steps[index % steps.length] = bad
        }
        return out
      })
    fc.assert(
      fc.property(damaged, (list) => {
        const { records: decoded, valid } = decodeCheckedBatchPayload(encodeBatchPayload(list), schema)
        const parsed = decoded.map((one) => schema.safeParse(one))
        expect(valid).toBe(parsed.every((result, index) => result.success && canonical(result.data) === canonical(decoded[index])))
      }),
      { numRuns: 500 },
    )
  })
})
