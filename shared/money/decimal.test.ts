import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDecimal, compareDecimal, divideDecimal, formatDecimal, isDecimalString, multiplyDecimal, normalizeDecimal, parseDecimal, roundDecimal, sumDecimalStrings } from './decimal'
import { CurrencyTotals } from './totals'

describe('exact decimals', () => {
  test('sums keep every source digit where floats drift', () => {
    expect(sumDecimalStrings(['0.1', '0.2'])).toBe('0.3')
    expect(sumDecimalStrings(['0.003835980000000000000000000000', '1.5'])).toBe('1.503835980000000000000000000000')
    expect(sumDecimalStrings(['-12.40', '2.4'])).toBe('-10.00')
  })

  test('parses and formats round trip', () => {
    for (const text of ['0', '-0.5', '123.4500', '.5', '7.']) {
      expect(isDecimalString(text)).toBe(true)
    }
    expect(formatDecimal(parseDecimal('.5'))).toBe('0.5')
    expect(formatDecimal(parseDecimal('-0.05'))).toBe('-0.05')
    for (const bad of ['', '-', '1e3', '1,000', 'NaN', '1.2.3', '$5']) {
      expect(isDecimalString(bad)).toBe(false)
      expect(() => parseDecimal(bad)).toThrow(/not a decimal/)
    }
  })

  test('multiplies a per-token price exactly and divides with half-even rounding', () => {
    expect(formatDecimal(multiplyDecimal(parseDecimal('0.000003'), parseDecimal('1234567')))).toBe('3.703701')
    expect(formatDecimal(divideDecimal(parseDecimal('10'), parseDecimal('3'), 4))).toBe('3.3333')
    expect(formatDecimal(divideDecimal(parseDecimal('-1'), parseDecimal('8'), 2))).toBe('-0.12')
    expect(formatDecimal(roundDecimal(parseDecimal('2.345'), 2))).toBe('2.34')
    expect(formatDecimal(roundDecimal(parseDecimal('2.355'), 2))).toBe('2.36')
    expect(formatDecimal(normalizeDecimal(parseDecimal('5.2500')))).toBe('5.25')
    expect(() => divideDecimal(parseDecimal('1'), parseDecimal('0'))).toThrow()
  })

  test('addition is exact for any pair of cent amounts (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (a, b) => {
        const toText = (cents: bigint) => formatDecimal({ units: cents, scale: 2 })
        const sum = addDecimal(parseDecimal(toText(a)), parseDecimal(toText(b)))
        expect(formatDecimal(sum)).toBe(toText(a + b))
        expect(compareDecimal(sum, parseDecimal(toText(a)))).toBe(b > 0n ? 1 : b < 0n ? -1 : 0)
      }),
    )
  })

  test('currency totals never mix currencies', () => {
    const totals = new CurrencyTotals().add('USD', '1.10').add('EUR', '2').add('USD', '-0.10')
    expect(totals.toJSON()).toEqual({ EUR: '2', USD: '1.00' })
  })
})
