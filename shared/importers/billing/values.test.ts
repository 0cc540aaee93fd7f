import { describe, expect, it } from 'vitest'
import { parseAmount, parseCount } from './amounts'
import { granularityOf, parseInstant } from './dates'
import { parseTags } from './tags'

describe('parseAmount', () => {
  it('keeps plain decimals exactly as written', () => {
    for (const text of ['0', '0.00', '-5.00', '12.340000', '0.003835980000000000000000000000']) expect(parseAmount(text)).toBe(text)
  })
  it('reads currency symbols, thousands separators, parenthesised and trailing-minus negatives, exponents', () => {
    expect(parseAmount('$1,234.56')).toBe('1234.56')
    expect(parseAmount(' € 3 ')).toBe('3')
    expect(parseAmount('(987.65)')).toBe('-987.65')
    expect(parseAmount('12.5-')).toBe('-12.5')
    expect(parseAmount('USD 25,000')).toBe('25000')
    expect(parseAmount('1.2E-05')).toBe('0.000012')
    expect(parseAmount('2.4E+02')).toBe('240')
    expect(parseAmount('$0.0100')).toBe('0.0100')
    expect(parseAmount('(0.00)')).toBe('0.00')
    expect(parseAmount('')).toBe('')
  })
  it('rejects what is not an amount rather than guessing ("1,5" is not fifteen)', () => {
    for (const text of ['abc', '1,5', '1.2.3', '--1', '$', 'Included']) expect(parseAmount(text)).toBeNull()
  })
  it('parses counts and flags bad ones', () => {
    expect(parseCount('25,000')).toBe(25000)
    expect(parseCount('10.0')).toBe(10)
    expect(parseCount('')).toBeNull()
    expect(parseCount('-1')).toBeNaN()
    expect(parseCount('many')).toBeNaN()
  })
})

describe('parseInstant', () => {
  it('reads ISO dates and times with any fraction and zone, as UTC', () => {
    expect(parseInstant('2026-08-05')).toBe('2026-08-05T00:00:00.000Z')
    expect(parseInstant('2025-06-11T05:13:27.8766440Z')).toBe('2025-06-11T05:13:27.876Z')
    expect(parseInstant('2026-02-06 18:54:30.040')).toBe('2026-02-06T18:54:30.040Z')
    expect(parseInstant('2026-09-27T00:00:00+02:00')).toBe('2026-09-26T22:00:00.000Z')
    expect(parseInstant('2023-05-13 21:00:00 UTC')).toBe('2023-05-13T21:00:00.000Z')
  })
  it('reads explicit day-month orders and unix times, and rejects impossible dates', () => {
    expect(parseInstant('08/13/2026', 'MM/DD/YYYY')).toBe('2026-08-13T00:00:00.000Z')
    expect(parseInstant('13/08/2026', 'DD/MM/YYYY')).toBe('2026-08-13T00:00:00.000Z')
    expect(parseInstant('13.08.2026 14:05', 'DD.MM.YYYY')).toBe('2026-08-13T14:05:00.000Z')
    expect(parseInstant('8/13/2026 2:05:00 PM', 'MM/DD/YYYY')).toBe('2026-08-13T14:05:00.000Z')
    expect(parseInstant('1788220800', 'unix-seconds')).toBe('2026-09-01T00:00:00.000Z')
    expect(parseInstant('13/08/2026', 'MM/DD/YYYY')).toBeNull()
    expect(parseInstant('2026-02-30')).toBeNull()
    expect(parseInstant('2026-13-01')).toBeNull()
    expect(parseInstant('yesterday')).toBeNull()
  })
  it('names the bucket size of a period', () => {
    expect(granularityOf('2026-01-01T00:00:00.000Z', null)).toBe('event')
    expect(granularityOf('2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z')).toBe('hour')
    expect(granularityOf('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe('day')
    expect(granularityOf('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('month')
    // Asked again and in turns (the last answer is remembered): each pair keeps its own.
    expect(granularityOf('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('month')
    expect(granularityOf('2026-01-01T00:00:00.000Z', null)).toBe('event')
    expect(granularityOf('2026-01-02T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('month')
    expect(granularityOf('2026-01-31T23:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('hour')
    expect(granularityOf('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBe('day')
  })
})

describe('parseTags', () => {
  it('reads JSON, Azure brace-less JSON and key=value lists', () => {
    expect(parseTags('{"user_team":"platform","n":3}')).toEqual({ user_team: 'platform', n: '3' })
    expect(parseTags('"team": "platform","env": "prod"')).toEqual({ team: 'platform', env: 'prod' })
    expect(parseTags('team=platform; env=prod')).toEqual({ team: 'platform', env: 'prod' })
    expect(parseTags('')).toEqual({})
    expect(parseTags('just words')).toBeNull()
  })
})
