import fc from 'fast-check'
import { expect, test } from 'vitest'
import { HashesOnLines } from '../../batches/identities'
import { murmur3x86_128 } from '../../hash/murmur3'
import type { Charge } from '../../records/charge'
import type { BillingBatchPart } from './billingSource'
import { ChargeBatchBuilder, columnsWithIdentities } from './chargeBatchBuilder'
import { newCharge } from './rows'

// Natural keys from a small pool, so they repeat: short ones (stored whole), long ones (stored as their hash), non-ASCII ones.
const naturalKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 41, maxLength: 80 }),
  fc.constantFrom('2026-08-01\u001fClaude Sonnet 4.6\u001fDefault\u001fk1\u001f≤ 200k\u001finput_no_cache\u001fglobal', 'li-0-1yj0bn', ''),
)
const chargeRow = fc.record({ key: naturalKey, cost: fc.constantFrom('1.50', '0.00', '12.345'), tag: fc.option(fc.constantFrom('batch', 'responses'), { nil: undefined }) })

function chargeOf(row: { key: string; cost: string; tag?: string }, line: number): Charge {
  const charge = newCharge('test-billing', 'test', 'cost.csv', line)
  charge.identity = row.key
  charge.cost = row.cost
  if (row.tag) charge.tags.api_source = row.tag
  return charge
}

/** The part a builder keeping its identities apart hands on (cloned, as it crosses threads), and its rows' key hashes. */
function partRead(rows: { key: string; cost: string; tag?: string }[]) {
  const apart = new ChargeBatchBuilder(0, { identitiesApart: true })
  const hashes = new HashesOnLines()
  const repeats: boolean[] = []
  const keysSeen: string[] = []
  rows.forEach((row, index) => {
    const charge = chargeOf(row, index + 2)
    const hash = murmur3x86_128(charge.identity)
    hashes.add(hash, charge.source.line)
    repeats.push(apart.add(charge, hash))
    keysSeen.push(charge.identity)
  })
  return { part: structuredClone(apart.part()), hashes: hashes.hashes().slice(), repeats, keysSeen }
}

test('a part whose identities were kept apart gives, with them put back, the columns of a builder that made each identity as it read (property)', () => {
  fc.assert(
    fc.property(fc.array(chargeRow, { maxLength: 300 }), (rows) => {
      const whole = new ChargeBatchBuilder(0)
      const repeats = rows.map((row, index) => whole.add(chargeOf(row, index + 2)))
      const read = partRead(rows)
      expect(read.repeats).toEqual(repeats)
      // The charges handed on keep their natural keys.
      expect(read.keysSeen).toEqual(rows.map((row) => row.key))
      expect(read.part.firstRepeatLine).toBe(firstRepeatLineOf(repeats))
      const columns = columnsWithIdentities(read.part, read.hashes)
      expect(columns).toEqual(rows.length === 0 ? null : whole.records.part())
    }),
    { numRuns: 200 },
  )
})

test('a part whose identities do not match its charges is not taken: a flag changed, an identity or a hash missing (property)', () => {
  fc.assert(
    fc.property(fc.array(chargeRow, { minLength: 1, maxLength: 100 }), fc.nat(), fc.constantFrom('flag', 'other', 'hash'), (rows, pick, broken) => {
      const { part, hashes } = partRead(rows)
      const damaged: BillingBatchPart = { ...part, hashedIdentities: part.hashedIdentities.slice(), otherIdentities: [...part.otherIdentities] }
      let keyHashes = hashes
      if (broken === 'flag') damaged.hashedIdentities[pick % rows.length] ^= 1
      else if (broken === 'hash') keyHashes = hashes.subarray(0, hashes.length - 4)
      else if (damaged.otherIdentities.length > 0) damaged.otherIdentities.splice(pick % damaged.otherIdentities.length, 1)
      else damaged.otherIdentities.push('one too many')
      expect(columnsWithIdentities(damaged, keyHashes)).toBeNull()
    }),
    { numRuns: 200 },
  )
})

function firstRepeatLineOf(repeats: boolean[]): number {
  const index = repeats.indexOf(true)
  return index < 0 ? 0 : index + 2
}
