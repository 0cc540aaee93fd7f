import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { generatedRun } from '../../test/support/generatedRuns'
import { decodeBatchPayload, encodeBatchPayload } from './batchPayload'
import { decodeColumn, decodeRecordColumns, encodeColumn, encodeRecordColumns } from './columnCodec'
import { jsonUtf8 } from './jsonUtf8'

/** Records encoded and read back as a stored payload is (jsonUtf8 writes a dictionary's typed ids as a list). */
const stored = (records: readonly unknown[]): unknown => JSON.parse(new TextDecoder().decode(jsonUtf8(encodeRecordColumns(records))))

test('any list of JSON records round-trips exactly, absent keys and odd keys included (property)', () => {
  const record = fc.dictionary(fc.oneof(fc.constantFrom('id', 'cost', 'tags', '__proto__', 'constructor'), fc.string()), fc.jsonValue(), { maxKeys: 6 })
  fc.assert(
    fc.property(fc.array(fc.oneof(record, fc.jsonValue()), { maxLength: 30 }), (records) => {
      const decoded = decodeRecordColumns(stored(records))
      expect(decoded).toEqual(JSON.parse(JSON.stringify(records)))
    }),
    { numRuns: 300 },
  )
})

test('records decoded with only some keys are the records with just those keys (property)', () => {
  const keys = fc.constantFrom('id', 'cost', 'tags', '__proto__', 'constructor')
  const record = fc.dictionary(keys, fc.jsonValue(), { maxKeys: 5 })
  fc.assert(
    fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), fc.uniqueArray(keys, { maxLength: 3 }), (records, only: string[]) => {
      const plain = JSON.parse(JSON.stringify(records)) as Record<string, unknown>[]
      const picked = plain.map((one) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(one).filter(([key]) => only.includes(key))))))
      expect(decodeRecordColumns(stored(records), { only: new Set(only) })).toEqual(picked)
    }),
    { numRuns: 300 },
  )
})

test('appended fields come out as Object.assign on the decoded records would give them: on every object record, after its own keys, winning over a stored key (property)', () => {
  const record = fc.dictionary(fc.oneof(fc.constantFrom('id', 'batchId', '__proto__'), fc.string()), fc.jsonValue(), { maxKeys: 5 })
  fc.assert(
    fc.property(fc.array(fc.oneof(record, fc.jsonValue()), { maxLength: 20 }), fc.string(), (records, batchId) => {
      const payload = stored(records)
      const expected = decodeRecordColumns(payload).map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? Object.assign(r, { batchId }) : r))
      const decoded = decodeRecordColumns(payload, { appended: { batchId } })
      expect(decoded).toEqual(expected)
      expect(decoded.map((r) => (r !== null && typeof r === 'object' ? Object.keys(r) : r))).toEqual(expected.map((r) => (r !== null && typeof r === 'object' ? Object.keys(r) : r)))
    }),
    { numRuns: 300 },
  )
})

test('records lacking keys keep their keys in order, with many different sets of missing keys too', () => {
  // 127 rows, each with the keys k0..k6 its index has bits for: more sets of missing keys than templates are kept.
  const records = Array.from({ length: 127 }, (_, i) => Object.fromEntries(Array.from({ length: 7 }, (_, k) => k).filter((k) => ((i + 1) & (1 << k)) !== 0).map((k) => [`k${k}`, i])))
  const decoded = decodeRecordColumns(stored(records), { appended: { batchId: 'b' } })
  expect(decoded).toEqual(records.map((record) => ({ ...record, batchId: 'b' })))
  expect(decoded.map((record) => Object.keys(record as object))).toEqual(records.map((record) => [...Object.keys(record), 'batchId']))
})

test('a property set to undefined is absent after the round trip, as in JSON', () => {
  const records = [{ id: 'a', listCost: undefined }, { id: 'b', listCost: '1.5' }]
  expect(decodeRecordColumns(stored(records))).toEqual([{ id: 'a' }, { id: 'b', listCost: '1.5' }])
})

test('runs shrink severalfold against plain JSON, and old plain-JSON payloads still read', () => {
  const runs = Array.from({ length: 2000 }, (_, i) => generatedRun(i))
  const plain = new TextEncoder().encode(JSON.stringify(runs))
  const encoded = encodeBatchPayload(runs)
  expect(encoded.length).toBeLessThan(plain.length / 2.5)
  expect(decodeBatchPayload(encoded)).toEqual(runs)
  expect(decodeBatchPayload(plain)).toEqual(runs)
  expect(() => decodeBatchPayload(new TextEncoder().encode('{"format":"nope"}'))).toThrow(/not a column-encoded/)
})

describe('encodeColumn dictionary choice', () => {
  test('uses a dictionary exactly when at most half the values are distinct', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 15 }), (numbers) => {
        const values = numbers.map(String)
        fc.pre(new Set(values).size > 1)
        const column = encodeColumn(values)
        expect(column.t).toBe(new Set(values).size <= values.length / 2 ? 'dict' : 'raw')
        expect(decodeColumn(column, values.length)).toEqual(values)
      }),
    )
  })
})
