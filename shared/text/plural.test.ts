import { describe, expect, test } from 'vitest'
import { formatCount, noun, plural } from './plural'

describe('counts as words', () => {
  test('the noun is singular at exactly 1, plural otherwise (0 too)', () => {
    expect(plural(1, 'charge', undefined, 'en-US')).toBe('1 charge')
    expect(plural(0, 'charge', undefined, 'en-US')).toBe('0 charges')
    expect(plural(2, 'charge', undefined, 'en-US')).toBe('2 charges')
    expect(plural(-1, 'charge', undefined, 'en-US')).toBe('-1 charges')
  })

  test('thousands are grouped in the locale’s way', () => {
    expect(plural(90000, 'charge', undefined, 'en-US')).toBe('90,000 charges')
    expect(plural(1234567, 'run', undefined, 'en-US')).toBe('1,234,567 runs')
    expect(plural(90000, 'charge', undefined, 'de-DE')).toBe('90.000 charges')
    expect(formatCount(1000, 'en-US')).toBe('1,000')
  })

  test('the plural is `one` + s unless given', () => {
    expect(plural(2, 'repo', undefined, 'en-US')).toBe('2 repos')
    expect(plural(2, 'person', 'people', 'en-US')).toBe('2 people')
    expect(plural(1, 'person', 'people', 'en-US')).toBe('1 person')
    expect(plural(3, 'portfolio decision', undefined, 'en-US')).toBe('3 portfolio decisions')
  })

  test('no locale is the runtime’s own, as toLocaleString gives it', () => {
    expect(plural(90000, 'charge')).toBe(`${(90000).toLocaleString()} charges`)
  })

  test('noun alone, for a count shown in its own element', () => {
    expect(noun(1, 'run')).toBe('run')
    expect(noun(0, 'run')).toBe('runs')
    expect(noun(2, 'run')).toBe('runs')
    expect(noun(2, 'person', 'people')).toBe('people')
  })
})
