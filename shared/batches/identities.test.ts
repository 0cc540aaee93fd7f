import fc from 'fast-check'
import { expect, test } from 'vitest'
import { storedIdentity } from '../records/chargeIdentity'
import { ChargeIdentityLog, ChargeIdentitySet, HashesOnLines, noteChargeIdentity, UniqueIdentities } from './identities'

const longKey = '2026-08-05T00:00:00.000Z\u001fClaude Sonnet 4.5\u001fDefault\u001fapikey_01abc\u001fmessage\u001f≤ 200k\u001foutput\u001ftoken\u001fglobal\u001f'

test('long natural keys are stored as their hash, short ids as they are, and storing twice changes nothing (property)', () => {
  expect(storedIdentity('gen-1')).toBe('gen-1')
  expect(storedIdentity(longKey)).toMatch(/^[0-9a-f]{32}$/)
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (key) => {
      const stored = storedIdentity(key)
      expect(stored.length).toBeLessThanOrEqual(Math.max(key.length, 32))
      expect(storedIdentity(stored)).toBe(stored)
    }),
  )
})

test('distinct natural keys keep distinct identities (property)', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ minLength: 30, maxLength: 80 }), { minLength: 2, maxLength: 50 }), (keys) => {
      expect(new Set(keys.map(storedIdentity)).size).toBe(keys.length)
    }),
  )
})

test('a repeated key gets its occurrence, the same in every export that holds the repeats', () => {
  const inFirst = new UniqueIdentities()
  const inSecond = new UniqueIdentities()
  const first = [longKey, longKey, 'gen-1', longKey].map((key) => inFirst.next(key))
  const second = [longKey, longKey, longKey].map((key) => inSecond.next(key))
  expect(first.map((entry) => entry.repeated)).toEqual([false, true, false, true])
  expect(new Set(first.map((entry) => entry.identity)).size).toBe(4)
  expect(first[1].identity).toBe(storedIdentity(`${longKey}\u001f#1`))
  expect(second.map((entry) => entry.identity)).toEqual([first[0], first[1], first[3]].map((entry) => entry.identity))
})

test('a check\'s natural-key identities store as the identities a batch gets, repeats included (property)', () => {
  const key = fc.oneof(fc.constantFrom(longKey, `${longKey}x`, 'gen-1', 'gen-1\u001f#1'), fc.string({ maxLength: 60 }), fc.string({ minLength: 41, maxLength: 90 }))
  fc.assert(
    fc.property(fc.array(key, { maxLength: 500 }), (keys) => {
      const stored = new UniqueIdentities()
      const checked = new UniqueIdentities()
      for (const naturalKey of keys) {
        const { identity, repeated, hash } = stored.next(naturalKey)
        // The words are valid until the next hash: copied before the check's.
        const words = hash && [...hash]
        const check = checked.nextKey(naturalKey)
        expect(storedIdentity(check.key)).toBe(identity)
        expect(check.repeated).toBe(repeated)
        expect(check.hash && [...check.hash]).toEqual(words)
      }
    }),
    { numRuns: 200 },
  )
})

test('a charge is held under its format and stored identity, whether stored whole or hashed', () => {
  const held = new ChargeIdentitySet()
  held.add('anthropic-console-cost', longKey)
  held.add('openrouter-activity', 'gen-1')
  expect(held.has('anthropic-console-cost', storedIdentity(longKey))).toBe(true)
  expect(held.has('anthropic-console-cost', longKey)).toBe(true)
  expect(held.has('focus', 'gen-1')).toBe(false)
  expect(held.holdsEvery(new Map([['openrouter-activity', ['gen-1']], ['anthropic-console-cost', [storedIdentity(longKey)]]]))).toBe(true)
  expect(held.holdsEvery(new Map([['openrouter-activity', ['gen-1', 'gen-2']]]))).toBe(false)
  expect(held.holdsEvery(new Map())).toBe(false)
})

test('an empty set holds nothing without reading the identities it is asked about', () => {
  const unreadable = new Map([['anthropic-console-cost', ['a']]])
  unreadable[Symbol.iterator] = () => {
    throw new Error('read')
  }
  expect(new ChargeIdentitySet().holdsEvery(unreadable)).toBe(false)
})

test('a check\'s packed identities read back as the identities noted as strings, per format in row order (property)', () => {
  const key = fc.oneof(fc.constantFrom(longKey, `${longKey}x`, 'gen-1'), fc.string({ maxLength: 60 }), fc.string({ minLength: 41, maxLength: 90 }))
  fc.assert(
    fc.property(fc.array(fc.record({ format: fc.constantFrom('openai-cost', 'aws-cur'), key }), { maxLength: 3000 }), (rows) => {
      const unique = new UniqueIdentities()
      const log = new ChargeIdentityLog()
      const noted = new Map<string, string[]>()
      for (const row of rows) {
        const { identity, hash } = unique.next(row.key)
        log.note(row.format, identity, hash)
        noteChargeIdentity(noted, { format: row.format, identity })
      }
      const packed = log.identities()
      expect(packed.size).toBe(noted.size)
      expect([...packed.keys()]).toEqual([...noted.keys()])
      expect(packed.has('openai-cost')).toBe(noted.has('openai-cost'))
      expect(new Map(packed)).toEqual(noted)
      expect(packed.get('aws-cur')).toEqual(noted.get('aws-cur'))
    }),
    { numRuns: 200 },
  )
})

test('a check\'s packed identities keep thousands of rows in order, hashed and whole mixed', () => {
  const unique = new UniqueIdentities()
  const log = new ChargeIdentityLog()
  const noted = new Map<string, string[]>()
  for (let row = 0; row < 5000; row++) {
    const { identity, hash } = unique.next(row % 7 === 0 ? `gen-${row}` : `${longKey}${row % 4000}`)
    log.note('openrouter-activity', identity, hash)
    noteChargeIdentity(noted, { format: 'openrouter-activity', identity })
  }
  expect(new Map(log.identities())).toEqual(noted)
})

test('HashesOnLines keeps every hash with its line, in order, past the room made for them', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }), fc.nat()), { maxLength: 3000 }), fc.nat({ max: 100_000 }), (rows, bytes) => {
      const hashes = new HashesOnLines(bytes)
      for (const [hash, line] of rows) hashes.add(hash, line)
      expect(Array.from(hashes.hashes())).toEqual(rows.flatMap(([hash]) => hash))
      expect(Array.from(hashes.lines())).toEqual(rows.map(([, line]) => line))
    }),
    { numRuns: 50 },
  )
})

test('HashesOnLines makes room at once for the rows an export of that size can hold (64 bytes a row at least), never for fewer than a thousand', () => {
  const sized = new HashesOnLines(64 * 5000)
  expect(sized.lines().buffer.byteLength).toBe(4 * 5000)
  expect(sized.hashes().buffer.byteLength).toBe(16 * 5000)
  expect(new HashesOnLines().lines().buffer.byteLength).toBe(4 * 1024)
})
