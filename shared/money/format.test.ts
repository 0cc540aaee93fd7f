import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareDecimal, parseDecimal, subtractDecimal } from './decimal'
import { formatCurrencyAmounts, formatMoney, minorUnitDigits, roundToMinorUnit } from './format'

describe('money for people', () => {
  test('an OpenAI-length decimal reads rounded to cents, in the locale format', () => {
    expect(formatMoney('230.274978591626525396551125545181', 'USD', 'en-US')).toBe('$230.27')
    expect(formatMoney('1230.275', 'EUR', 'de-DE')).toBe('1.230,28\u00a0€')
    expect(formatMoney('40', 'USD', 'en-US')).toBe('$40.00')
    expect(formatMoney('-0.004', 'USD', 'en-US')).toBe('$0.00')
  })

  test('each currency keeps its own minor unit', () => {
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('KWD')).toBe(3)
    expect(formatMoney('1234.5', 'JPY', 'en-US')).toBe('¥1,234')
    expect(formatMoney('1.23456', 'KWD', 'en-US')).toBe('KWD\u00a01.235')
  })

  test('a unit Intl cannot format (a provider credit) still reads rounded, with its code', () => {
    expect(formatMoney('12.3456', 'credits', 'en-US')).toBe('12.35 credits')
  })

  test('totals stay per currency, in a stable order', () => {
    expect(formatCurrencyAmounts({ USD: '12.004', EUR: '3.1' }, 'en-US')).toBe('€3.10 + $12.00')
    expect(formatCurrencyAmounts({}, 'en-US')).toBe('—')
    expect(formatCurrencyAmounts({}, 'en-US', '0')).toBe('0')
  })

  test('rounding to the minor unit is exact and within half a unit of the stored value', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 30 }))
      .map(([units, scale]) => {
        const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0')
        return `${units < 0n ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? '.' + digits.slice(digits.length - scale) : ''}`
      })
    fc.assert(
      fc.property(amount, fc.constantFrom('USD', 'JPY', 'KWD'), (text, currency) => {
        const rounded = roundToMinorUnit(text, currency)
        const digits = minorUnitDigits(currency)
        expect(rounded.split('.')[1]?.length ?? 0).toBe(digits)
        const error = subtractDecimal(parseDecimal(rounded), parseDecimal(text))
        const half = { units: 5n, scale: digits + 1 }
        expect(compareDecimal(error, half)).toBeLessThanOrEqual(0)
        expect(compareDecimal(error, { units: -5n, scale: digits + 1 })).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  test('random broken input is refused with a clear error, never shown as NaN', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(s)), (text) => {
        expect(() => formatMoney(text, 'USD')).toThrow(/not a decimal/)
      }),
    )
  })
})
