import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { generatedRun } from '../../test/support/generatedRuns'
import { ColumnBuilder, decodeRecordColumns, encodeColumn, encodeRecordColumns, type Column } from './columnCodec'
import { jsonUtf8, type JsonWritable } from './jsonUtf8'
import { ScalarColumn } from './scalarColumn'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * The codec as first written, over a whole list at once: the oracle that keeps the encoding,
 * and so the id of every batch already stored, unchanged now that records are added one by one.
 */
function wholeListEncoding(values: readonly Json[]): Column {
  const isScalar = (value: Json) => value === null || typeof value !== 'object'
  if (values.length === 0) return { t: 'raw', v: [] }
  const first = values[0]
  if (isScalar(first) && values.every((value) => value === first)) return { t: 'const', v: first }
  if (values.every(isScalar)) {
    const index = new Map<Json, number>()
    const ids: number[] = []
    for (const value of values) {
      let id = index.get(value)
      if (id === undefined) index.set(value, (id = index.size))
      ids.push(id)
    }
    return index.size > values.length / 2 ? { t: 'raw', v: [...values] } : { t: 'dict', d: [...index.keys()], i: ids }
  }
  if (values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) {
    const objects = values as Record<string, Json>[]
    const keys: string[] = []
    for (const object of objects) for (const key in object) if (!keys.includes(key)) keys.push(key)
    const present = (object: Record<string, Json>, key: string) => Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined
    return {
      t: 'obj',
      k: keys,
      c: keys.map((key) => wholeListEncoding(objects.filter((object) => present(object, key)).map((object) => object[key]))),
      absent: keys.map((key) => objects.flatMap((object, row) => (present(object, key) ? [] : [row]))),
    }
  }
  if (values.every(Array.isArray)) return { t: 'list', n: (values as Json[][]).map((list) => list.length), items: wholeListEncoding((values as Json[][]).flat()) }
  return { t: 'raw', v: [...values] }
}

/** The JSON a column is stored as (jsonUtf8 writes a built dictionary's typed ids as the list they hold). */
const json = (value: unknown) => new TextDecoder().decode(jsonUtf8(value as JsonWritable))

/** Records shaped like ours: fixed key order, optional and undefined keys, nullable nested objects and lists. */
const recordLike = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    cost: fc.oneof(fc.constantFrom('0', '1.5', '-2'), fc.string({ maxLength: 3 })),
    listCost: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
    tokens: fc.option(fc.record({ input: fc.nat(3), output: fc.nat(3) }, { requiredKeys: ['output'] }), { nil: null }),
    tags: fc.dictionary(fc.constantFrom('team', 'env', 'cost_center'), fc.constantFrom('x', 'y')),
    steps: fc.array(fc.constantFrom('read', 'edit', 'test'), { maxLength: 3 }),
    byModel: fc.array(fc.record({ model: fc.constantFrom('m1', 'm2'), tokens: fc.nat(9) }), { maxLength: 2 }),
    flag: fc.oneof(fc.boolean(), fc.constant(null), fc.integer({ min: -2, max: 2 })),
  },
  { requiredKeys: ['id'] },
)

describe('ColumnBuilder', () => {
  test('adding records one by one encodes exactly as the whole list did (property)', () => {
    fc.assert(
      fc.property(fc.array(recordLike, { maxLength: 40 }), (records) => {
        const builder = new ColumnBuilder()
        for (const record of records) builder.add(record)
        expect(builder.length).toBe(records.length)
        expect(json(builder.finish())).toBe(json(wholeListEncoding(records as Json[])))
      }),
      { numRuns: 500 },
    )
  })

  test('a scalar column that gives up its dictionary, or goes back to one, still encodes as the whole list (property)', () => {
    const repeating = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', null, true)), { maxLength: 50 })
    // Distinct values first make the dictionary give up early; repeats after can bring it back.
    const column = fc.tuple(fc.uniqueArray(fc.integer({ min: 100 }), { maxLength: 12 }), repeating, repeating).map(([a, b, c]) => [...b.slice(0, 2), ...a, ...c])
    fc.assert(
      fc.property(column, fc.integer({ min: 1, max: 8 }), (values, trial) => {
        const scalars = new ScalarColumn(trial)
        for (const value of values) scalars.add(value)
        expect(json(scalars.list())).toBe(json(values))
        if (values.length > 0) expect(json(scalars.finish())).toBe(json(wholeListEncoding(values)))
      }),
      { numRuns: 1000 },
    )
  })

  test('short strings (amounts), kept in their own table, encode as the whole list beside other values (property)', () => {
    // Around the table's edges: seven and eight characters, NUL, DEL and the first non-ASCII character, the empty string.
    const edge = fc.constantFrom('', '\u0000', '\u007f', '\u0080', '1234567', '12345678', 'é', '1.5', '01.5', '1.50', 1.5, null, true)
    // Numbers as text of up to 13 characters pack four bits a character: around that edge, and one character off a number.
    const numberText = fc.oneof(fc.stringMatching(/^-?[0-9]{0,8}\.?[0-9]{0,6}$/), fc.constantFrom('1234567890123', '12345678901234', '-.-.-.-.-.-.-', '.-.-.-.-.-.-.', '1.5e3', '0.000000001', '12345678901+3'))
    const amount = fc.oneof(fc.integer({ min: 0, max: 400 }).map((cents) => (cents / 100).toFixed(2)), fc.string({ maxLength: 9, unit: fc.integer({ min: 0, max: 0x81 }).map((code) => String.fromCharCode(code)) }), edge, numberText)
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 3000, size: 'max' }), fc.integer({ min: 1, max: 5000 }), (values, trial) => {
        const scalars = new ScalarColumn(trial)
        for (const value of values) scalars.add(value)
        if (values.length > 0) expect(json(scalars.finish())).toBe(json(wholeListEncoding(values)))
      }),
      { numRuns: 300 },
    )
  })

  test('ascending columns (line numbers, sorted keys), and ones that stop ascending, encode as the whole list (property)', () => {
    const sorted = fc.oneof(
      fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 30 }).map((values) => values.sort((a, b) => a - b) as Json[]),
      fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 2, maxLength: 30 }).map((values) => values.sort() as Json[]),
    )
    const tail = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', null)), { maxLength: 30 })
    fc.assert(
      fc.property(sorted, tail, fc.integer({ min: 1, max: 4 }), (ascending, after, trial) => {
        const values = [...ascending, ...after]
        const scalars = new ScalarColumn(trial)
        for (const value of values) scalars.add(value)
        expect(json(scalars.finish())).toBe(json(wholeListEncoding(values)))
      }),
      { numRuns: 500 },
    )
  })

  test('real records encode as before: runs, and lists of scalars', () => {
    const runs = Array.from({ length: 300 }, (_, i) => generatedRun(i)) as unknown as Json[]
    expect(json(encodeColumn(runs))).toBe(json(wholeListEncoding(runs)))
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 3 }), fc.constant(null))), (values) => {
        expect(json(encodeColumn(values))).toBe(json(wholeListEncoding(values)))
      }),
    )
  })

  test('charges, mostly with every key in one order (which a builder adds straight to their columns), encode as the whole list and round-trip, whatever the others lack or reorder (property)', () => {
    const text = fc.oneof(fc.constantFrom('gpt-5', 'Claude Sonnet 4.5', '≤ 200k', 'é', '0.00', '1.5'), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }))
    const nullable = fc.option(text, { nil: null })
    const charge = fc.record({
      identity: fc.string({ minLength: 1, maxLength: 6 }),
      format: fc.constantFrom('openai-cost', 'anthropic-console-cost'),
      start: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
      end: fc.constantFrom('2026-01-02T00:00:00.000Z', null),
      model: nullable,
      apiKey: nullable,
      tokens: fc.option(fc.record({ input: fc.nat(3), output: fc.nat(3) }, { requiredKeys: [] }), { nil: null }),
      quantity: fc.option(fc.record({ value: text, unit: fc.constantFrom('tokens', '1K tokens') }), { nil: null }),
      cost: text,
      listCost: fc.option(text, { nil: undefined }),
      tags: fc.dictionary(fc.constantFrom('usage_type', 'api_source', 'é'), text, { maxKeys: 2 }),
      source: fc.record({ file: fc.constantFrom('a.csv', 'b.csv'), line: fc.nat(1000) }),
    })
    // Most as a format makes them (every key, in order); some lacking keys, reordered, with a key more, or not records at all.
    const changed = fc.oneof(
      { weight: 6, arbitrary: charge },
      { weight: 1, arbitrary: fc.tuple(charge, fc.constantFrom('model', 'tokens', 'tags', 'identity')).map(([record, key]) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))) },
      { weight: 1, arbitrary: charge.map((record) => Object.fromEntries(Object.entries(record).reverse())) },
      { weight: 1, arbitrary: charge.map((record) => ({ ...record, extra: 'x' })) },
      { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant('text'), fc.constant([1])) },
    )
    fc.assert(
      fc.property(fc.array(changed, { maxLength: 40 }), (records) => {
        const encoded = encodeRecordColumns(records)
        expect(json(encoded.column)).toBe(json(wholeListEncoding(records as Json[])))
        expect(decodeRecordColumns(JSON.parse(json(encoded)))).toEqual(JSON.parse(json(records)))
      }),
      { numRuns: 500 },
    )
  })

  test('any JSON values, kinds mixed in one column and keys in any order included, encode as before and round-trip (property)', () => {
    const anyRecord = fc.oneof(recordLike, fc.jsonValue() as fc.Arbitrary<Json>, fc.dictionary(fc.constantFrom('b', 'a', '2', '__proto__'), fc.oneof(fc.constant(null), recordLike), { maxKeys: 3 }))
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 30 }), (records) => {
        const encoded = encodeRecordColumns(records)
        expect(json(encoded.column)).toBe(json(wholeListEncoding(records as Json[])))
        expect(decodeRecordColumns(JSON.parse(json(encoded)))).toEqual(JSON.parse(json(records)))
      }),
      { numRuns: 500 },
    )
  })
})
