import fc from 'fast-check'
import { expect, test } from 'vitest'
import { followsSequence, matchSequence } from './sequence'

test('finds a pattern in order and says where each step matched', () => {
  const steps = ['search', 'logs', 'read', 'edit', 'test', 'doc']
  expect(matchSequence(steps, ['logs', 'edit', 'test', 'doc'])).toEqual([1, 3, 4, 5])
  expect(matchSequence(steps, ['test', 'edit'])).toBeNull()
  expect(matchSequence(steps, [])).toEqual([])
})

test('the gap allowance limits how many other steps may sit between two pattern steps', () => {
  const steps = ['logs', 'read', 'search', 'edit']
  expect(followsSequence(steps, ['logs', 'edit'], 1)).toBe(false)
  expect(followsSequence(steps, ['logs', 'edit'], 2)).toBe(true)
  // A later start can satisfy the gap when the first one cannot.
  expect(matchSequence(['edit', 'read', 'read', 'read', 'edit', 'test'], ['edit', 'test'], 0)).toEqual([4, 5])
})

test('a matched pattern is always a subsequence within the gap (property)', () => {
  const label = fc.constantFrom('read', 'edit', 'test', 'git')
  fc.assert(
    fc.property(fc.array(label, { maxLength: 12 }), fc.array(label, { maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (steps, pattern, gap) => {
      const match = matchSequence(steps, pattern, gap)
      if (!match) return
      expect(match.map((i) => steps[i])).toEqual(pattern)
      for (let k = 1; k < match.length; k++) expect(match[k] - match[k - 1] - 1).toBeLessThanOrEqual(gap)
    }),
  )
})
