import fc from 'fast-check'
import { expect, test } from 'vitest'
import { type Batch, type BatchInput, createBatch } from '../../batches/batch'
import { UniqueIdentities } from '../../batches/identities'
import { murmur3x86_128 } from '../../hash/murmur3'
import type { Charge } from '../../records/charge'
import { storedIdentity } from '../../records/chargeIdentity'
import type { BillingBatchPart } from './billingSource'
import { ChargeBatchBuilder } from './chargeBatchBuilder'
import { newCharge } from './rows'

// Natural keys from a small pool, so they repeat: short ones (stored whole), long ones (stored as their hash), non-ASCII ones.
const naturalKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 41, maxLength: 80 }),
  fc.constantFrom('2026-08-01\u001fClaude Sonnet 4.6\u001fDefault\u001fk1\u001f≤ 200k\u001finput_no_cache\u001fglobal', 'li-0-1yj0bn', '', 'a "quoted" \\ key'),
)
const chargeRow = fc.record({ key: naturalKey, cost: fc.constantFrom('1.50', '0.00', '12.345'), tag: fc.option(fc.constantFrom('batch', 'responses'), { nil: undefined }) })
type Row = { key: string; cost: string; tag?: string }

function chargeOf(row: Row, line: number): Charge {
  const charge = newCharge('test-billing', 'test', 'cost.csv', line)
  charge.identity = row.key
  charge.cost = row.cost
  if (row.tag) charge.tags.api_source = row.tag
  return charge
}

const common: Omit<BatchInput, 'records'> = { kind: 'charges', format: 'test-billing', fileNames: ['cost.csv'], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-12-07T00:00:00.000Z' }

/** The batch of the charges as a list, each with its stored identity (UniqueIdentities.next): what a builder must store. */
function batchOfList(rows: readonly Row[]): Batch {
  const identities = new UniqueIdentities()
  const charges = rows.map((row, index) => ({ ...chargeOf(row, index + 2), identity: identities.next(row.key).identity }))
  return createBatch({ ...common, records: charges })
}

function batchOfBuilder(builder: ChargeBatchBuilder): Batch {
  return createBatch({ ...common, records: builder, identities: builder.storedIdentities() })
}

function expectSameBatch(built: Batch, expected: Batch): void {
  expect(new TextDecoder().decode(built.payload)).toBe(new TextDecoder().decode(expected.payload))
  expect(built.meta.id).toBe(expected.meta.id)
  expect(built.summary).toEqual(expected.summary)
  expect([...built.identities]).toEqual([...expected.identities])
}

/** Rows from `from` on added to a builder of their own, with their lines counted from its start, and its part as it crosses threads (cloned). */
function partOf(rows: readonly Row[], from: number): { part: BillingBatchPart; keyHashes: Int32Array } {
  const builder = new ChargeBatchBuilder(0)
  const keyHashes = new Int32Array(4 * (rows.length - from))
  rows.slice(from).forEach((row, index) => {
    const charge = chargeOf(row, index + 2)
    const hash = murmur3x86_128(charge.identity)
    keyHashes.set(hash, 4 * index)
    builder.add(charge, hash)
  })
  return { part: structuredClone(builder.part()), keyHashes }
}

test('a batch built as its charges are read stores the bytes, id, summary and identities of the list of them with their stored identities, and each charge keeps its identity in natural-key form (property)', () => {
  fc.assert(
    fc.property(fc.array(chargeRow, { maxLength: 200 }), (rows) => {
      const builder = new ChargeBatchBuilder(0)
      const unique = new UniqueIdentities()
      rows.forEach((row, index) => {
        const charge = chargeOf(row, index + 2)
        const expected = unique.next(row.key)
        expect(builder.add(charge)).toBe(expected.repeated)
        expect(storedIdentity(charge.identity)).toBe(expected.identity)
      })
      expectSameBatch(batchOfBuilder(builder), batchOfList(rows))
    }),
    { numRuns: 200 },
  )
})

test('a batch read in two parts, the second built apart and added after the first, stores what one builder stores, when none of its keys is one of the first part\'s (property)', () => {
  let merged = 0
  fc.assert(
    fc.property(fc.array(chargeRow, { minLength: 1, maxLength: 200 }), fc.nat(), (rows, pick) => {
      const at = pick % (rows.length + 1)
      const first = new ChargeBatchBuilder(0)
      rows.slice(0, at).forEach((row, index) => first.add(chargeOf(row, index + 2)))
      const { part, keyHashes } = partOf(rows, at)
      // As importBillingFile takes a part: a key of the first part's repeated in it is numbered on from there, so the part is read again.
      if (first.identities.seenAnyOf(keyHashes)) return
      expect(first.canAdd(part)).toBe(at < rows.length)
      if (at === rows.length) return
      first.addLastPart(part, at)
      merged++
      expectSameBatch(batchOfBuilder(first), batchOfList(rows))
    }),
    { numRuns: 300 },
  )
  expect(merged).toBeGreaterThan(50)
})

test('a part whose identities do not match its charges is not taken: a flag changed, an identity or a hash missing or one too many (property)', () => {
  fc.assert(
    fc.property(fc.array(chargeRow, { minLength: 1, maxLength: 100 }), fc.nat(), fc.constantFrom('flag', 'unknown flag', 'other', 'hash'), (rows, pick, broken) => {
      const { part } = partOf(rows, 0)
      const { hashed, others, words } = part.identities
      const damaged = { hashed: hashed.slice(), others: [...others], words }
      if (broken === 'flag') damaged.hashed[pick % rows.length] ^= 1
      else if (broken === 'unknown flag') damaged.hashed[pick % rows.length] = 2
      else if (broken === 'hash') damaged.words = words.length > 0 ? words.subarray(0, words.length - 4) : new Int32Array(4)
      else if (damaged.others.length > 0) damaged.others.splice(pick % damaged.others.length, 1)
      else damaged.others.push('one too many')
      expect(new ChargeBatchBuilder(0).canAdd(part)).toBe(true)
      expect(new ChargeBatchBuilder(0).canAdd({ ...part, identities: damaged })).toBe(false)
    }),
    { numRuns: 200 },
  )
})

test('a batch holds charges of one format', () => {
  const builder = new ChargeBatchBuilder(0)
  builder.add(chargeOf({ key: 'a', cost: '1.00' }, 2))
  const other = chargeOf({ key: 'b', cost: '1.00' }, 3)
  other.format = 'other-billing'
  expect(() => builder.add(other)).toThrow(/one format/)
})
