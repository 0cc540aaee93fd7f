import { describe, expect, it } from 'vitest'
import { formatDecimal, parseDecimal, subtractDecimal, sumDecimalStrings } from '../money/decimal'
import { buildPortfolioReport } from './portfolioReport'
import { reportExample } from '../../test/support/reportFixture'
import { spendHeadline } from './spendHeadline'
import { makeCharge, makePortfolio, rule } from '../../test/support/analysisFixtures'

describe('spendHeadline', () => {
  it('splits the period spend into portfolios and unassigned, against the sum of envelopes', () => {
    // reportExample: Q3 spend 60 (incidents) + 25 (web) + 20 unassigned.
    const report = buildPortfolioReport(reportExample())
    const headline = spendHeadline(report)
    expect(headline.buckets.map((b) => [b.key, b.spend])).toEqual([
      ['portfolios', { USD: '85.00' }],
      ['unassigned', { USD: '20.00' }],
    ])
    expect(headline.total).toEqual({ USD: '105.00' })
    const envelopes = sumDecimalStrings(report.portfolios.map((p) => p.envelope.USD))
    expect(headline.envelopes).toEqual({ USD: envelopes })
    expect(headline.leftInEnvelopes).toEqual({ USD: formatDecimal(subtractDecimal(parseDecimal(envelopes), parseDecimal('85.00'))) })
  })

  it('shows spend outside portfolios as a bucket of its own, counted in the total but not against envelopes', () => {
    const example = reportExample()
    const support = makePortfolio({ id: 'support', name: 'Support bot', outside: true, rules: [rule('bot', 'charges', [{ field: 'apiKey', values: ['support-bot'] }])] })
    const bill = makeCharge({ identity: 'bot', apiKey: 'support-bot', cost: '40', start: '2026-07-03T00:00:00.000Z' })
    const report = buildPortfolioReport({ ...example, portfolios: [...example.portfolios, support], charges: [...example.charges, bill] })
    const headline = spendHeadline(report)
    const outside = headline.buckets.find((bucket) => bucket.key === 'outside')
    expect(outside?.spend).toEqual({ USD: '40' })
    const sum = sumDecimalStrings(headline.buckets.map((bucket) => bucket.spend.USD ?? '0'))
    expect(formatDecimal(parseDecimal(headline.total.USD))).toBe(formatDecimal(parseDecimal(sum)))
    expect(headline.envelopes).toEqual({ USD: sumDecimalStrings(report.portfolios.map((p) => p.envelope.USD)) })
  })

  it('keeps currencies apart and goes negative when portfolios overspend', () => {
    const headline = spendHeadline({
      portfolios: [
        { spend: { USD: '120.5' }, envelope: { USD: '100' } },
        { spend: { EUR: '10' }, envelope: { EUR: '50' } },
      ] as never,
      unassigned: { spend: { USD: '0.25' } } as never,
    })
    expect(headline.total).toEqual({ EUR: '10', USD: '120.75' })
    expect(headline.leftInEnvelopes).toEqual({ EUR: '40', USD: '-20.5' })
  })
})
