import { expect, test } from 'vitest'
import { actorId, pseudonymize } from './pseudonym'

test('a pseudonym is stable per team salt and reveals nothing of the name', () => {
  const a = pseudonymize('alice@example.com', 'team-salt')
  expect(a).toBe(pseudonymize(' Alice@Example.com ', 'team-salt'))
  expect(a).not.toBe(pseudonymize('alice@example.com', 'other-salt'))
  expect(a).not.toContain('alice')
  expect(a).toMatch(/^p-[0-9a-f]{12}$/)
})

test('names are stored only when the team turned attribution on', () => {
  expect(actorId('alice', { attribution: true, salt: 's' })).toBe('alice')
  expect(actorId('alice', { attribution: false, salt: 's' })).toBe(pseudonymize('alice', 's'))
  expect(actorId(null, { attribution: false, salt: 's' })).toBeNull()
})
