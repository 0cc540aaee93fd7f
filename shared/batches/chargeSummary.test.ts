import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { createSha256 } from '../hash/sha256'
import { addDecimal, type Decimal, formatDecimal, parseDecimal, ZERO } from '../money/decimal'
import type { Charge } from '../records/charge'
import { createBatch } from './batch'
import { importedChargeBatch } from '../../test/support/chargeBatchFixture'
import { readChargeSummary } from './chargeSummaryRead'
import { dayComparison } from './chargeSummary'

let line = 0
function charge(overrides: Partial<Charge> = {}): Charge {
  line += 1
  return {
    identity: `row-${line}`, format: 'test-billing', provider: 'anthropic', start: '2026-08-05T10:00:00.000Z', end: null,
    granularity: 'hour', model: 'claude-sonnet-4', service: null, account: null, workspace: 'Default', project: null,
    apiKey: 'ci-key', costCenter: null, user: null, tokenType: null, tokens: null, quantity: null, cost: '1.25',
    currency: 'USD', costKind: 'billed', chargeType: 'usage', tags: {}, source: { file: 'billing.csv', line },
    ...overrides,
  }
}

function batchOf(charges: Charge[], format = 'test-billing') {
  return importedChargeBatch(charges, { format })
}

describe('charge summary', () => {
  test('adds up the rows of a day alike in every field the analysis reads', () => {
    const batch = batchOf([
      charge({ cost: '1.25', start: '2026-08-05T01:00:00.000Z' }),
      charge({ cost: '2.5', start: '2026-08-05T23:00:00.000Z' }),
      charge({ cost: '0', costKind: 'billed' }),
      charge({ cost: '9', costKind: 'included' }),
      charge({ cost: '4', start: '2026-08-06T00:00:00.000Z' }),
      charge({ cost: '3', model: 'claude-opus-4' }),
    ])
    const summary = readChargeSummary(batch.summary!, batch.meta)!
    const lines = summary.lines.map(({ start, model, costKind, cost, rows, rowsWithAmount }) => ({ start, model, costKind, cost, rows, rowsWithAmount }))
    expect(lines).toEqual([
      { start: '2026-08-05T00:00:00.000Z', model: 'claude-sonnet-4', costKind: 'billed', cost: '3.75', rows: 3, rowsWithAmount: 2 },
      { start: '2026-08-05T00:00:00.000Z', model: 'claude-sonnet-4', costKind: 'included', cost: '9', rows: 1, rowsWithAmount: 0 },
      { start: '2026-08-05T00:00:00.000Z', model: 'claude-opus-4', costKind: 'billed', cost: '3', rows: 1, rowsWithAmount: 1 },
      { start: '2026-08-06T00:00:00.000Z', model: 'claude-sonnet-4', costKind: 'billed', cost: '4', rows: 1, rowsWithAmount: 1 },
    ])
    expect(new Set(summary.lines.map((l) => `${l.format}:${l.identity}`)).size).toBe(4)
  })

  test('adds up a line exactly past what 64 bits hold', () => {
    const batch = batchOf([charge({ cost: '92233720368547758.07' }), charge({ cost: '92233720368547758.07' }), charge({ cost: '0.5' })])
    expect(readChargeSummary(batch.summary!, batch.meta)!.lines.map((l) => l.cost)).toEqual(['184467440737095516.64'])
  })

  test('adds up exactly near the bound of 64-bit sums, one big row among small ones and a refund', () => {
    const batch = batchOf([charge({ cost: '23058430092136939.51' }), charge({ cost: '23058430092136939.51' }), charge({ cost: '-0.03' }), charge({ cost: '0.001' })])
    expect(readChargeSummary(batch.summary!, batch.meta)!.lines.map((l) => l.cost)).toEqual(['46116860184273878.991'])
    const fee = batchOf([...Array.from({ length: 999 }, () => charge({ cost: '0.0000000001' })), charge({ cost: '1250000.00' })])
    expect(readChargeSummary(fee.summary!, fee.meta)!.lines.map((l) => l.cost)).toEqual(['1250000.0000000999'])
  })

  test('leaves out a field with more than a thousand values, and keeps the others', () => {
    const batch = batchOf(Array.from({ length: 1_001 }, (_, i) => charge({ apiKey: `key-${i}`, tags: { geo: i % 2 ? 'us' : 'eu' } })))
    const summary = readChargeSummary(batch.summary!, batch.meta)!
    expect(summary.dimensions.has('apiKey')).toBe(false)
    expect(summary.dimensions.has('tags')).toBe(true)
    expect(summary.lines.map((l) => [l.apiKey, l.tags.geo, l.rows])).toEqual([[null, 'eu', 501], [null, 'us', 500]])
  })

  test('a big batch whose rows hardly add up leaves out its fields of most values until they do, or is not summarized', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => charge({ apiKey: `key-${i % 997}`, workspace: `ws-${i % 7}`, start: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString() }))
    const smallBatch = batchOf(rows(10_000))
    const small = readChargeSummary(smallBatch.summary!, smallBatch.meta)!
    expect(small.dimensions.has('apiKey')).toBe(true)
    const big = batchOf(rows(10_001))
    const summary = readChargeSummary(big.summary!, big.meta)!
    expect([...summary.dimensions].sort()).toEqual(['model', 'project', 'tags', 'workspace', 'costCenter', 'account'].sort())
    expect(summary.lines.length).toBeLessThanOrEqual(2_100)
    expect(summary.lines.reduce((sum, l) => sum + l.rows, 0)).toBe(10_001)
    // A row a day for 10,001 days adds up whatever is left out.
    const daily = Array.from({ length: 10_001 }, (_, i) => charge({ start: new Date(Date.UTC(2000, 0, 1 + i)).toISOString() }))
    expect(batchOf(daily).summary).toBeUndefined()
  })

  test('a big batch keeps the fields it can: the one of most values given up first (the first of several as wide) until its lines stand for four rows each (property)', () => {
    const dimensions = ['model', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tags'] as const
    const valueOf = (dimension: (typeof dimensions)[number], value: number) => (dimension === 'tags' ? (value === 0 ? {} : { team: `t${value}` }) : `${dimension}-${value}`)
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 2, 7, 40, 400, 1_000), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 10_001, max: 11_000 }),
        fc.constantFrom(1, 5, 60),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (sizes, length, days, seed) => {
          let state = seed
          const next = (below: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % below
          const charges = Array.from({ length }, () => {
            const fields = Object.fromEntries(dimensions.map((dimension, k) => [dimension, valueOf(dimension, next(sizes[k]))]))
            return charge({ ...fields, start: new Date(Date.UTC(2026, 0, 1 + next(days))).toISOString() } as Partial<Charge>)
          })
          // The rule as written: every field of at most a thousand values, the widest given up while the lines are too many.
          const distinct = (dimension: (typeof dimensions)[number]) => new Set(charges.map((c) => JSON.stringify(c[dimension]))).size
          let kept = dimensions.filter((dimension) => distinct(dimension) <= 1_000)
          const lines = (fields: readonly string[]) => new Set(charges.map((c) => JSON.stringify([c.start.slice(0, 10), ...fields.map((f) => c[f as keyof Charge])]))).size
          while (kept.length > 0 && lines(kept) > Math.floor(length / 4)) {
            const widest = kept.reduce((most, dimension) => (distinct(dimension) > distinct(most) ? dimension : most))
            kept = kept.filter((dimension) => dimension !== widest)
          }
          const batch = batchOf(charges)
          if (lines(kept) > Math.floor(length / 4)) return expect(batch.summary).toBeUndefined()
          const summary = readChargeSummary(batch.summary!, batch.meta)!
          expect([...summary.dimensions]).toEqual(kept)
          expect(summary.lines.length).toBe(lines(kept))
        },
      ),
      { numRuns: 12 },
    )
  })

  test('its lines are the rows grouped by day and every field it keeps, with their summed cost, however many values the fields have and however many digits the amounts (property)', () => {
    // From one value a field and two days (lines of many rows) to 3,000 values and 400 days:
    // a row's ids then make a number past 2^53, numbered anew partway.
    const field = (values: number) => fc.nat(values - 1)
    const row = (values: number, scales: readonly number[]) => fc.record({ day: fc.nat(Math.min(values, 400)), model: field(values), account: field(values), workspace: field(values), project: field(values), apiKey: field(values), costCenter: field(values), tag: field(3), units: fc.integer({ min: -500, max: 500 }), scale: fc.constantFrom(...scales), included: fc.boolean() })
    // Amounts of one scale or several; thirty fractional digits (OpenAI's) are added up as Decimals.
    const batch = fc.tuple(fc.constantFrom(1, 2, 30, 3_000), fc.constantFrom([2], [0, 1, 2, 3], [2, 30]))
    fc.assert(
      fc.property(batch.chain(([values, scales]) => fc.array(row(values, scales), { minLength: values > 300 ? 250 : 1, maxLength: 300, size: 'max' })), (someRows) => {
        // Each row again a year later: lines that differ only in the day, the first field keyed.
        const rows = someRows.flatMap((r) => [r, { ...r, day: r.day + 401 }])
        const charges = rows.map((r) => charge({
          start: new Date(Date.UTC(2026, 0, 1 + r.day, r.units & 7)).toISOString(), model: `m${r.model}`, account: `a${r.account}`, workspace: `w${r.workspace}`, project: `p${r.project}`,
          apiKey: `k${r.apiKey}`, costCenter: `c${r.costCenter}`, tags: r.tag === 0 ? {} : { team: `t${r.tag}` }, cost: formatDecimal({ units: BigInt(r.units), scale: r.scale }), costKind: r.included ? 'included' : 'billed',
        }))
        const built = batchOf(charges)
        const summary = readChargeSummary(built.summary!, built.meta)!
        const keyOf = (c: Pick<Charge, 'start' | 'model' | 'account' | 'workspace' | 'project' | 'apiKey' | 'costCenter' | 'tags' | 'costKind'>) =>
          JSON.stringify([c.start.slice(0, 10), c.model, c.account, c.workspace, c.project, c.apiKey, c.costCenter, c.tags, c.costKind])
        // What adding the rows up one by one gives, to the digit (scale included).
        const expected = new Map<string, { cost: Decimal; rows: number; rowsWithAmount: number }>()
        charges.forEach((c, i) => {
          const line = expected.get(keyOf(c)) ?? { cost: ZERO, rows: 0, rowsWithAmount: 0 }
          expected.set(keyOf(c), { cost: addDecimal(line.cost, parseDecimal(c.cost)), rows: line.rows + 1, rowsWithAmount: line.rowsWithAmount + (rows[i].units !== 0 && !rows[i].included ? 1 : 0) })
        })
        expect(new Set(summary.dimensions)).toEqual(new Set(['model', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tags']))
        const got = new Map(summary.lines.map((l) => [keyOf(l), { cost: l.cost, rows: l.rows, rowsWithAmount: l.rowsWithAmount }]))
        expect(got).toEqual(new Map([...expected].map(([key, line]) => [key, { ...line, cost: formatDecimal(line.cost) }])))
        expect(summary.lines.length).toBe(expected.size)
        // In the stored order (part of the stored bytes): by day, then as first met.
        const byDay = [...expected.keys()].map((key, met) => ({ key, day: (JSON.parse(key) as string[])[0], met }))
        byDay.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.met - b.met))
        expect(summary.lines.map(keyOf)).toEqual(byDay.map(({ key }) => key))
      }),
      { numRuns: 40 },
    )
  })

  test('adds amounts up as written, whatever their sign, zeros, point and digits: read in two 15-digit limbs while they fit, as Decimals past that (property)', () => {
    const digits = (most: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: most })
    // Up to 18 digits a side, then up to 25 zeros (OpenAI writes 30 fractional digits): some fit
    // 30 digits once the zeros are left off, some do not, and some fit until scaled to another's fraction.
    // A space around any one of them makes the batch's amounts read as Decimals: only a few batches have one.
    const amount = fc.tuple(fc.constantFrom('', '-', '+'), digits(18), fc.boolean(), digits(18), fc.nat(25), fc.constantFrom(...' '.padStart(60, '-')))
      .filter(([, whole, point, fraction]) => whole !== '' || (point && fraction !== ''))
      .map(([sign, whole, point, fraction, zeros, space]) => (space === ' ' ? ' ' : '') + `${sign}${whole}${point ? `.${fraction}${'0'.repeat(zeros)}` : ''}`)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), amount), { minLength: 1, maxLength: 60 }), (rows) => {
        const charges = rows.map(([model, cost]) => charge({ model: `m${model}`, cost }))
        const built = batchOf(charges)
        const summary = readChargeSummary(built.summary!, built.meta)!
        const expected = new Map<string, { cost: Decimal; rowsWithAmount: number }>()
        for (const [model, cost] of rows) {
          const line = expected.get(`m${model}`) ?? { cost: ZERO, rowsWithAmount: 0 }
          const value = parseDecimal(cost)
          expected.set(`m${model}`, { cost: addDecimal(line.cost, value), rowsWithAmount: line.rowsWithAmount + (value.units !== 0n ? 1 : 0) })
        }
        expect(new Map(summary.lines.map((l) => [l.model, { cost: l.cost, rowsWithAmount: l.rowsWithAmount }]))).toEqual(new Map([...expected].map(([model, line]) => [model, { ...line, cost: formatDecimal(line.cost) }])))
      }),
      { numRuns: 300 },
    )
    // Sums past 2^53 in the largest scale's units, and OpenAI's 30 fractional digits, in limbs.
    const past53 = batchOf([charge({ cost: '4503599627370495' }), charge({ cost: '4503599627370495' }), charge({ cost: '0.5' })])
    expect(readChargeSummary(past53.summary!, past53.meta)!.lines.map((l) => l.cost)).toEqual(['9007199254740990.5'])
    const openAi = batchOf([charge({ cost: '10.088125045411288000000000000000' }), charge({ cost: '-0.375660197110846000000000000000' }), charge({ cost: '0.5' })])
    expect(readChargeSummary(openAi.summary!, openAi.meta)!.lines.map((l) => l.cost)).toEqual(['10.212464848300442000000000000000'])
    // High limbs whose sums could reach 2^53 are added up as Decimals.
    const past30 = batchOf(Array.from({ length: 5 }, () => charge({ cost: '999999999999999999999999999999' })))
    expect(readChargeSummary(past30.summary!, past30.meta)!.lines.map((l) => l.cost)).toEqual(['4999999999999999999999999999995'])
  })

  test('orders days as localeCompare does, YYYY-MM-DD days by their characters and any others by localeCompare itself (property)', () => {
    const isoDay = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
    const sign = (n: number) => Math.sign(n)
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 9, arbitrary: isoDay }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), { minLength: 1, maxLength: 30 }), (days) => {
        const compare = dayComparison(days)
        for (const a of days) for (const b of days) expect(sign(compare(a, b))).toBe(sign(a.localeCompare(b)))
      }),
      { numRuns: 300 },
    )
    // YYYY-MM-DD days never ask localeCompare (whose first call loads ICU's collator); others do.
    const localeCompare = vi.spyOn(String.prototype, 'localeCompare')
    try {
      expect(dayComparison(['2026-01-10', '2026-01-02'])('2026-01-10', '2026-01-02')).toBe(1)
      expect(localeCompare).not.toHaveBeenCalled()
      expect(dayComparison(['2026-01-10', 'soon'])('2026-01-10', 'soon')).toBe('2026-01-10'.localeCompare('soon'))
      expect(localeCompare).toHaveBeenCalled()
    } finally {
      localeCompare.mockRestore()
    }
  })

  test('is not written for a batch the ledger does not count whole', () => {
    expect(batchOf([charge({ identity: 'same' }), charge({ identity: 'same' })]).summary).toBeUndefined()
    expect(batchOf([charge(), charge({ format: 'other' })]).summary).toBeUndefined()
    expect(createBatch({ kind: 'charges', format: 'test-billing', fileNames: ['billing.csv'], records: [charge(), charge({ cost: 'free' })], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-11-01T00:00:00.000Z' }).summary).toBeUndefined()
    // An OpenAI organisation total may be covered by grouped rows of another export.
    expect(batchOf([charge({ format: 'openai-cost', model: null, project: null })], 'openai-cost').summary).toBeUndefined()
    expect(batchOf([charge({ format: 'openai-cost', model: 'gpt-5', project: null })], 'openai-cost').summary).toBeDefined()
  })

  test('an OpenAI batch is summarized exactly when none of its rows is an organisation total (no model, no project), whichever rows lack one of them (property)', () => {
    // Few projects (each pair of a model and a project asked once) or many (more pairs than rows: each row asked).
    const row = fc.record({ model: fc.constantFrom(null, 'gpt-5', 'gpt-4.1'), project: fc.oneof(fc.constantFrom(null, 'proj_a', 'proj_b'), fc.nat(40).map((n) => `proj_${n}`)) })
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const batch = batchOf(rows.map((r) => charge({ format: 'openai-cost', ...r })), 'openai-cost')
        expect(batch.summary !== undefined).toBe(!rows.some((r) => r.model === null && r.project === null))
      }),
      { numRuns: 200 },
    )
  })

  test('is not used when a value it keeps is not a charge\'s', () => {
    for (const bad of [{ start: 'yesterday' }, { currency: 'usd' }, { costKind: 'free' }, { tags: { team: 7 } }]) {
      const batch = batchOf([charge(), { ...charge(), ...bad } as Charge])
      expect(batch.summary).toBeDefined()
      expect(readChargeSummary(batch.summary!, batch.meta)).toBeNull()
    }
  })

  test('is not used when it does not match its batch', () => {
    // Rows and totals alike, but another batch: its digest names that batch.
    const batch = batchOf([charge({ cost: '1' }), charge({ cost: '2' })])
    const other = batchOf([charge({ cost: '1', source: { file: 'b.csv', line: 1 } }), charge({ cost: '2', source: { file: 'b.csv', line: 2 } })])
    expect(readChargeSummary(batch.summary!, batch.meta)).not.toBeNull()
    expect(readChargeSummary(other.summary!, other.meta)).not.toBeNull()
    expect(readChargeSummary(other.summary!, batch.meta)).toBeNull()
    // A row count or totals it does not add up to.
    expect(readChargeSummary(batch.summary!, { ...batch.meta, records: 3 })).toBeNull()
    expect(readChargeSummary(batch.summary!, { ...batch.meta, totals: { USD: '3.01' } })).toBeNull()
    expect(readChargeSummary(batch.summary!, { ...batch.meta, totals: { USD: '3', EUR: '0' } })).toBeNull()
  })

  test('a summary written wrongly for its batch (a peer of another version) is not used', () => {
    const batch = batchOf([charge({ cost: '1' }), charge({ cost: '2', start: '2026-09-01T00:00:00.000Z' })])
    const stored = JSON.parse(new TextDecoder().decode(batch.summary!.subarray(64))) as { lines: unknown[][]; values: Record<string, unknown[]> }
    // Stamped with a right digest: only the content is wrong.
    const rewritten = (change: (summary: typeof stored) => void) => {
      const copy = structuredClone(stored)
      change(copy)
      const json = new TextEncoder().encode(JSON.stringify(copy))
      return readChargeSummary(new TextEncoder().encode(createSha256().update(`${batch.meta.id}\n`).update(json).digestHex() + new TextDecoder().decode(json)), batch.meta)
    }
    expect(rewritten(() => {})).not.toBeNull()
    expect(rewritten((s) => (s.lines[0][1] = 7))).toBeNull()
    expect(rewritten((s) => (s.lines[0][0] = 'Aug 5'))).toBeNull()
    expect(rewritten((s) => s.lines.pop())).toBeNull()
    expect(rewritten((s) => (s.lines[1] = [...s.lines[1].slice(0, -3), '2.5', 1, 1]))).toBeNull()
    expect(rewritten((s) => (s.values.currency = ['usd']))).toBeNull()
    expect(rewritten((s) => s.lines[0].push(0))).toBeNull()
    // Each value of a line is checked where it is read: a line not a list, a cost not a decimal, an index not a number.
    expect(rewritten((s) => (s.lines[0] = { ...s.lines[0], length: s.lines[0].length } as unknown as unknown[]))).toBeNull()
    expect(rewritten((s) => (s.lines[0][s.lines[0].length - 3] = '1e0'))).toBeNull()
    expect(rewritten((s) => (s.lines[0][1] = null))).toBeNull()
    expect(rewritten((s) => (s.lines[0][1] = [0]))).toBeNull()
  })

  test('a damaged summary is rejected, never thrown', () => {
    const batch = batchOf([charge({ cost: '1' }), charge({ cost: '2', start: '2026-09-01T00:00:00.000Z' })])
    const bytes = batch.summary!
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const damaged = bytes.slice()
        damaged[at] = value
        return damaged[at] === bytes[at] || readChargeSummary(damaged, batch.meta) === null
      }),
    )
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (random) => readChargeSummary(random, batch.meta) === null))
  })
})
