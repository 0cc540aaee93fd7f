import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newCharge } from '../../shared/importers/billing/rows'
import { CurrencyTotals } from '../../shared/money/totals'
import type { Charge } from '../../shared/records/charge'
import { ImportedChargeTotalsBuilder } from './importedChargeTotals'

function charge(identity: string, cost: string, start = '2026-07-31T00:00:00.000Z', currency = 'USD'): Charge {
  return { ...newCharge('anthropic-console-cost', 'anthropic', 'x.csv', 2), identity, cost, start, currency, model: 'm' }
}

/** What the file's batch says its rows are. */
const identities = (...ids: string[]) => new Map([['anthropic-console-cost', ids]])

describe('ImportedChargeTotalsBuilder', () => {
  it('counts a file only once committed, and a row of two overlapping exports once', () => {
    const summary = new ImportedChargeTotalsBuilder()
    const first = summary.pending()
    first.add(charge('a', '1.10'))
    first.add(charge('b', '2.20', '2026-08-01T00:00:00.000Z'))
    first.commit(identities('a', 'b'))
    const rejected = summary.pending()
    rejected.add(charge('z', '100'))
    const overlapping = summary.pending()
    overlapping.add(charge('b', '2.20', '2026-08-01T00:00:00.000Z'))
    overlapping.add(charge('c', '-0.30', '2026-08-02T00:00:00.000Z', 'EUR'))
    overlapping.commit(identities('b', 'c'))
    expect(summary.build()).toEqual({
      count: 3,
      cost: { EUR: '-0.30', USD: '3.30' },
      byMonth: { '2026-07': { USD: '1.10' }, '2026-08': { EUR: '-0.30', USD: '2.20' } },
      byModel: { m: { EUR: '-0.30', USD: '3.30' } },
      from: '2026-07-31T00:00:00.000Z',
      to: '2026-08-02T00:00:00.000Z',
    })
  })

  it('sums exactly, however many files the charges come in (property)', () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 9 })).map(([units, scale]) => {
      const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0')
      return `${units < 0n ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`
    })
    fc.assert(
      fc.property(fc.array(fc.array(amount, { maxLength: 20 }), { maxLength: 4 }), (files) => {
        const summary = new ImportedChargeTotalsBuilder()
        const expected = new CurrencyTotals()
        files.forEach((amounts, file) => {
          const pending = summary.pending()
          amounts.forEach((cost, row) => pending.add(charge(`${file}:${row}`, cost)))
          pending.commit(identities(...amounts.map((_, row) => `${file}:${row}`)))
          for (const cost of amounts) expected.add('USD', cost)
        })
        expect(summary.build().cost).toEqual(expected.toJSON())
      }),
    )
  })

  it('sums per month and per model whatever order the rows come in (property)', () => {
    const row = fc.record({ month: fc.constantFrom('2026-07', '2026-08', '2026-09'), model: fc.constantFrom('m', 'n', null), cents: fc.integer({ min: -500, max: 500 }) })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const summary = new ImportedChargeTotalsBuilder()
        const pending = summary.pending()
        const byMonth = new Map<string, CurrencyTotals>()
        const byModel = new Map<string, CurrencyTotals>()
        rows.forEach(({ month, model, cents }, i) => {
          const cost = (cents / 100).toFixed(2)
          pending.add({ ...charge(`r${i}`, cost, `${month}-0${1 + (i % 3)}T00:00:00.000Z`), model, service: null })
          for (const [map, key] of [[byMonth, month], [byModel, model ?? '(none)']] as const) {
            if (!map.has(key)) map.set(key, new CurrencyTotals())
            map.get(key)!.add('USD', cost)
          }
        })
        pending.commit(identities(...rows.map((_, i) => `r${i}`)))
        const sorted = (map: Map<string, CurrencyTotals>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, totals]) => [key, totals.toJSON()]))
        const built = summary.build()
        expect(built.byMonth).toEqual(sorted(byMonth))
        expect(built.byModel).toEqual(sorted(byModel))
      }),
    )
  })
})
