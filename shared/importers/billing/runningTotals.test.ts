import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CurrencyTotals } from '../../money/totals'
import { isPlainDecimal } from './amounts'
import { RunningTotals } from './runningTotals'

const digits = (maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength })
const decimal = fc
  .tuple(fc.boolean(), digits(12), fc.option(digits(20)))
  .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : '.' + fraction}`)

describe('RunningTotals', () => {
  it('sums exactly what bigint decimal totals sum, per currency, short and long amounts alike', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('USD', 'EUR'), decimal), { maxLength: 60 }), (rows) => {
        const running = new RunningTotals()
        const exact = new CurrencyTotals()
        for (const [currency, amount] of rows) {
          running.add(currency, amount)
          exact.add(currency, amount)
        }
        expect(running.toTotals().toJSON()).toEqual(exact.toJSON())
      }),
    )
  })

  it('adds totals summed elsewhere as the rows they stand for', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('USD', 'EUR'), decimal), { maxLength: 40 }), fc.nat(40), (rows, split) => {
        const whole = new RunningTotals()
        const first = new RunningTotals()
        const second = new RunningTotals()
        rows.forEach(([currency, amount], index) => {
          whole.add(currency, amount)
          ;(index < split ? first : second).add(currency, amount)
        })
        first.addAll(second.toTotals().toJSON())
        expect(first.toTotals().toJSON()).toEqual(whole.toTotals().toJSON())
      }),
    )
  })

  it('stays exact when the sums of long amounts\' 12-digit chunks would pass 2^53, whatever their signs and lengths (property)', () => {
    const long = fc.tuple(fc.boolean(), digits(18), digits(30)).map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`)
    fc.assert(
      fc.property(fc.array(long, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 6000 }), (amounts, times) => {
        const running = new RunningTotals()
        const exact = new CurrencyTotals()
        for (let i = 0; i < times; i++) {
          const amount = amounts[i % amounts.length]
          running.add('USD', amount)
          exact.add('USD', amount)
        }
        expect(running.toTotals().toJSON()).toEqual(exact.toJSON())
      }),
      { numRuns: 30 },
    )
    const running = new RunningTotals()
    for (let i = 0; i < 10_000; i++) running.add('USD', '999999999999.999999999999999999')
    expect(running.toTotals().toJSON()).toEqual({ USD: '9999999999999999.999999999999990000' })
  })

  it('stays exact when the running double would pass 2^53', () => {
    const running = new RunningTotals()
    for (let i = 0; i < 3000; i++) running.add('USD', '999999999999.999')
    expect(running.toTotals().toJSON()).toEqual({ USD: '2999999999999997.000' })
  })
})

describe('isPlainDecimal', () => {
  it('accepts exactly -?digits(.digits)?', () => {
    const plain = /^-?\d+(?:\.\d+)?$/
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.-+e, '), maxLength: 8 }), (text) => {
        expect(isPlainDecimal(text)).toBe(plain.test(text))
      }),
    )
  })
})
