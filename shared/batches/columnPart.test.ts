import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ColumnBuilder, type Column, type ColumnPart, encodeColumn, type Json, transferablesOf } from './columnCodec'
import { jsonUtf8, type JsonWritable } from './jsonUtf8'
import { ScalarColumn } from './scalarColumn'

/** The JSON a column is stored as: the bytes a batch's id is the hash of. */
const json = (value: unknown) => new TextDecoder().decode(jsonUtf8(value as JsonWritable))

/**
 * Records split at `at`: the first ones added to one builder, the rest to another whose part
 * (as it reaches another thread: cloned) is added to the first. Null when the part cannot be
 * added; then the first builder must be as it was, for the rest to be added one by one.
 */
function mergedAt(records: readonly Json[], at: number, room = 0): Column | null {
  // Room made for fewer rows, as many, or more: it never shows in what is encoded.
  const first = new ColumnBuilder(room)
  const second = new ColumnBuilder(room >> 1)
  for (const record of records.slice(0, at)) first.add(record)
  for (const record of records.slice(at)) second.add(record)
  const part = second.part()
  if (!first.canAdd(structuredClone(part))) {
    for (const record of records.slice(at)) first.add(record)
    expect(json(first.finish())).toBe(json(whole(records)))
    return null
  }
  first.addLastPart(structuredClone(part))
  expect(first.length).toBe(records.length)
  // Records whose keys came in another order are known only where they were added: none may follow.
  expect(() => first.add({})).toThrow()
  return first.finish()
}

function whole(records: readonly Json[]): Column {
  const builder = new ColumnBuilder()
  for (const record of records) builder.add(record)
  return builder.finish()
}

/** Merged and whole encodings deep-equal (ids compared as lists) and write the same bytes. */
function expectSame(merged: Column, expected: Column): void {
  expect(json(merged)).toBe(json(expected))
  expect(JSON.parse(json(merged))).toEqual(JSON.parse(json(expected)))
}

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', '1.50', '-0.25', 'Claude Sonnet 4.6', null, true, 0, 7),
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.string({ minLength: 14, maxLength: 20 }),
)

/** Records shaped like charges: optional and varying keys, nested objects, sometimes a list or a value of another kind. */
const record: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 60,
    arbitrary: fc.record(
      {
        identity: fc.string({ minLength: 1, maxLength: 6 }),
        model: fc.constantFrom('m1', 'm2', 'a much longer model name'),
        cost: scalar,
        listCost: fc.option(scalar, { nil: undefined }),
        tokens: fc.option(fc.record({ input: fc.nat(3), output: fc.nat(3) }, { requiredKeys: ['output'] }), { nil: null }),
        tags: fc.dictionary(fc.constantFrom('team', 'env', 'cost_center', 'a'), fc.constantFrom('x', 'y', 'zzzzzzzzzzzzzzzz')),
        source: fc.record({ file: fc.constantFrom('a.csv', 'b.csv'), line: fc.nat(50) }),
      },
      { requiredKeys: ['model', 'source'] },
    ),
  },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: scalar },
)

describe('ColumnBuilder parts', () => {
  test('with room made for every row, a part is added into the ids already there: no array is made again', () => {
    const models = (from: number, to: number) => Array.from({ length: to - from }, (_, row) => ({ model: `m${(from + row) % 3}`, line: from + row }))
    const first = new ColumnBuilder(10_000)
    const second = new ColumnBuilder(5_000)
    for (const record of models(0, 6000)) first.add(record)
    for (const record of models(6000, 10_000)) second.add(record)
    first.addLastPart(second.part())
    const column = first.finish()
    if (column.t !== 'obj' || column.c[0].t !== 'dict') throw new Error(`expected a dictionary of models, got ${JSON.stringify(column).slice(0, 80)}`)
    const ids = column.c[0].i as Int32Array
    expect(ids.buffer.byteLength).toBe(4 * 10_000)
    expect(Array.from(ids)).toEqual(models(0, 10_000).map(({ model }) => Number(model.slice(1))))
  })

  test('records built in two builders, the second added as a part, finish as one builder does, or cannot be added (property)', () => {
    let merged = 0
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.nat(), fc.nat(80), (records, split, room) => {
        const result = mergedAt(records, split % (records.length + 1), room)
        if (result === null) return
        merged++
        expectSame(result, whole(records))
      }),
      { numRuns: 1000 },
    )
    // Mostly charge-like records: many splits can be added.
    expect(merged).toBeGreaterThan(300)
  }, 30_000)

  test('past the 4096 values at which a mostly distinct column gives its dictionary up, on either side of the split (property)', () => {
    let merged = 0
    const shape = fc.record({
      rows: fc.integer({ min: 4000, max: 9000 }),
      split: fc.double({ min: 0, max: 1, noNaN: true }),
      // How many distinct values each column cycles through: a few (a dictionary), about every row's own (given up or raw).
      models: fc.constantFrom(1, 3, 5000),
      amounts: fc.constantFrom(2, 2500, 9000),
      names: fc.constantFrom(1, 4, 3000, 9000),
      // A column distinct early and repeating later, or the other way round.
      distinctFirst: fc.boolean(),
      seed: fc.nat(),
    })
    fc.assert(
      fc.property(shape, ({ rows, split, models, amounts, names, distinctFirst, seed }) => {
        let state = seed
        const random = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n)
        const records: Json[] = []
        for (let row = 0; row < rows; row++) {
          const early = row < rows / 2 === distinctFirst
          const tags: Record<string, Json> = {}
          if (random(3) === 0) tags.team = `team ${random(4)}`
          if (random(50) === 0) tags[`rare ${random(3)}`] = 'x'
          records.push({
            identity: `id ${row}`,
            model: `model ${random(models)}`,
            cost: `${random(amounts)}.${random(100)}`,
            user: early ? `a person with a long name ${random(names)}` : `someone ${random(4)}`,
            ...(random(10) === 0 ? {} : { listCost: random(2) === 0 ? '0.00' : `${random(amounts)}` }),
            tags,
            source: { file: 'cost.csv', line: row + 2 },
          })
        }
        const result = mergedAt(records, Math.floor(split * rows))
        if (result === null) return
        merged++
        expectSame(result, whole(records))
      }),
      { numRuns: 25 },
    )
    expect(merged).toBeGreaterThan(15)
  }, 60_000)

  test('an adjustment changes the part\'s values of the keys it names as they are added (line numbers counted from the part\'s start, in a dictionary or a list)', () => {
    // The second builder's lines stay a dictionary below the 4096 rows of its trial, and become a list of numbers past them.
    for (const length of [6000, 9000]) {
      const records = Array.from({ length }, (_, row) => ({ model: row % 3 ? 'a' : 'b', source: { file: 'f', line: row + 2 } }))
      const first = new ColumnBuilder()
      const second = new ColumnBuilder()
      for (const r of records.slice(0, 2500)) first.add(r)
      for (const r of records.slice(2500)) second.add({ ...r, source: { ...r.source, line: r.source.line - 2501 } })
      const part = second.part()
      expect(first.canAdd(part)).toBe(true)
      first.addLastPart(structuredClone(part), { source: { line: (line) => (line as number) + 2501 } })
      expectSame(first.finish(), whole(records))
    }
  })

  test('values of another kind than a column holds are added as the list of every value, exactly, unless the part\'s records would not decode in their own key order; keys in another order can be added', () => {
    const records: Json[] = [{ a: 1, b: { c: 2 } }]
    const builderOf = (values: Json[]) => {
      const builder = new ColumnBuilder()
      for (const value of values) builder.add(value)
      return builder
    }
    // Scalars after records, records after scalars, a nested column changing kind, a column of mixed kinds taking scalars or records.
    for (const [before, after] of [
      [records, [1, null]],
      [[1, null], records],
      [records, [{ b: 'x' }]],
      [[{ a: 1 }, 2], [3, 'x']],
      [[{ a: 1 }, 2], [{ b: { c: 1 }, a: 2 }]],
      [['x', null], [['l', 1]]],
    ] as [Json[], Json[]][]) {
      const first = builderOf(before)
      const part = builderOf(after).part()
      expect(first.canAdd(part), JSON.stringify([before, after])).toBe(true)
      first.addLastPart(part)
      expectSame(first.finish(), whole([...before, ...after]))
    }
    // Records whose keys came in another order than their column's: decoded, they would come back reordered.
    const reordered = builderOf([{ a: 1, b: 2 }, { b: 3, a: 4 }])
    expect(builderOf([1]).canAdd(reordered.part())).toBe(false)
    expect(builderOf([{ a: 1 }]).canAdd(reordered.part())).toBe(true)

    const first = builderOf(records)
    // Sparse tags: each record's keys in the header's order, first seen in another (a CUR's resource tags).
    const second = new ColumnBuilder()
    for (const record of [{ c: 3 }, { b: { c: 1 }, c: 4 }, { a: 2 }]) second.add(record)
    expect(first.canAdd(second.part())).toBe(true)
    first.addLastPart(second.part())
    expectSame(first.finish(), whole([{ a: 1, b: { c: 2 } }, { c: 3 }, { b: { c: 1 }, c: 4 }, { a: 2 }]))
  })
})

/**
 * Values split at `at`, the second column's part (cloned, as a thread posts it) added to the
 * first: they list and finish as one column given every value does. Returns that finish's JSON.
 */
function expectAddedAsPartAsOne(all: readonly Json[], at: number, trial: number): string {
  const one = new ScalarColumn(trial)
  for (const value of all) one.add(value)
  const first = new ScalarColumn(trial)
  const second = new ScalarColumn(trial)
  for (const value of all.slice(0, at)) first.add(value)
  for (const value of all.slice(at)) second.add(value)
  first.addPart(structuredClone(second.part()))
  expect(first.list()).toEqual(all)
  const finished = json(one.finish())
  expect(json(first.finish())).toBe(finished)
  return finished
}

/** expectAddedAsPartAsOne for any of `values`, split anywhere, with any trial length up to `longestTrial` (property). */
function expectEverySplitAsOne(values: fc.Arbitrary<Json[]>, longestTrial: number): void {
  fc.assert(
    fc.property(values, fc.nat(), fc.integer({ min: 1, max: longestTrial }), (all, split, trial) => {
      expectAddedAsPartAsOne(all, split % (all.length + 1), trial)
    }),
    { numRuns: 1000 },
  )
}

describe('ScalarColumn parts', () => {
  test('two columns, the second added as a part, finish as one column given every value does, with any trial length (property)', () => {
    expectEverySplitAsOne(fc.array(fc.oneof(fc.constantFrom('a', 'b', '1.5', null, 3), fc.string({ minLength: 13, maxLength: 14 }), fc.integer()), { maxLength: 60 }), 20)
  }, 30_000)
})

describe('ScalarColumn packed parts', () => {
  // Mostly distinct short strings (amounts, codes) make a column packed at the end of its
  // trial; repeats after them can make it a dictionary again at the end; a value of another
  // kind, or a string too long to pack, can come at any row.
  const shortText = fc.oneof(fc.stringMatching(/^-?[0-9]{1,7}\.[0-9]{1,5}$/), fc.string({ maxLength: 7 }), fc.constantFrom('0.00', 'USD', ''))
  const repeated = fc.constantFrom('1.50', '0.00', '-0.25', 'USD', '12345.6789')
  const other = fc.oneof(fc.integer(), fc.constant(null), fc.string({ minLength: 14, maxLength: 16 }), fc.constantFrom('é', 'a\u0000b'))
  const values = fc
    .tuple(
      fc.array(fc.oneof({ weight: 30, arbitrary: shortText }, { weight: 1, arbitrary: other }), { maxLength: 40 }),
      fc.array(fc.oneof({ weight: 30, arbitrary: repeated }, { weight: 3, arbitrary: shortText }, { weight: 1, arbitrary: other }), { maxLength: 80 }),
    )
    .map(([distinct, repeats]) => [...distinct, ...repeats])

  test('split anywhere, the two finish as one column given every value does, packed or not on either side (property)', () => {
    fc.assert(
      fc.property(values, fc.nat(), fc.integer({ min: 1, max: 12 }), (all, split, trial) => {
        const finished = expectAddedAsPartAsOne(all, split % (all.length + 1), trial)
        // As the whole list encoded at once (a builder of no values finishes as an empty list).
        if (all.length > 0) expect(finished).toBe(json(encodeColumn(all)))
      }),
      { numRuns: 2000 },
    )
  }, 30_000)

  test('a column of mostly distinct short strings travels packed, as one typed array and one string', () => {
    const column = new ScalarColumn(8)
    const amounts = Array.from({ length: 40 }, (_, row) => `${row}.${row % 7}5`)
    for (const amount of amounts) column.add(amount)
    const part = column.part()
    expect(part.t).toBe('packed')
    if (part.t !== 'packed') return
    expect(part.p).toBeInstanceOf(Float64Array)
    expect(part.p.length).toBe(40)
    expect(part.s.split('\0')).toEqual(amounts)
  })
})

describe('ScalarColumn number lists', () => {
  test('a list of numbers only, split anywhere, finishes as one column given every value does (property)', () => {
    // Not -0: a column tells values apart as === does (0 and -0 alike), split or not, and JSON writes both as 0.
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.constantFrom(0, 2 ** 53, 0.1))
    expectEverySplitAsOne(fc.array(fc.oneof({ weight: 40, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom('7', null, true) }), { maxLength: 60 }), 12)
  }, 30_000)

  test('a column of mostly distinct numbers (line numbers) travels as one typed array, a list with another value in it as the list', () => {
    const column = new ScalarColumn(8)
    const lines = Array.from({ length: 40 }, (_, row) => row + 2)
    for (const line of lines) column.add(line)
    const part = column.part()
    expect(part.t).toBe('numbers')
    if (part.t !== 'numbers') return
    expect(part.p).toBeInstanceOf(Float64Array)
    expect([...part.p]).toEqual(lines)
    column.add('a line')
    expect(column.part()).toEqual({ t: 'values', v: [...lines, 'a line'] })
  })
})

// A part is plain data: what a thread posts.
test('a part survives structured cloning whole', () => {
  const builder = new ColumnBuilder()
  for (let row = 0; row < 100; row++) builder.add({ a: row % 2, b: { c: `v${row % 3}` } })
  const part = builder.part() as ColumnPart
  expect(structuredClone(part)).toEqual(part)
})

test('a part\'s typed arrays (ids, packed strings, number lists, the rows lacking a key) all move to another thread at once', () => {
  const builder = new ColumnBuilder()
  // Past the 4096 rows of a column's trial: the costs packed, the lines a list of numbers.
  for (let row = 0; row < 5000; row++) builder.add({ model: `m${row % 3}`, cost: `${row}.5`, ...(row % 4 ? { listCost: undefined } : { listCost: '1' }), source: { line: row + 2 } })
  const part = builder.part()
  const copy = structuredClone(part)
  const transfer = transferablesOf(part)
  // The models' ids, the costs packed, the lines as numbers, and the rows lacking each of the four keys and the nested one.
  expect(transfer.length).toBe(3 + 4 + 1)
  expect(structuredClone(part, { transfer })).toEqual(copy)
  // Moved: the buffers here are detached.
  expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true)
})
