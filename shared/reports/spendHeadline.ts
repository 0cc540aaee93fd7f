import { formatDecimal, subtractDecimal } from '../money/decimal'
import { CurrencyTotals, type CurrencyAmounts } from '../money/totals'
import type { PortfolioReport } from './portfolioReport'

/** One part of the period's spend: in portfolios, unassigned, and outside portfolios (work that is not coding-agent work). */
export interface SpendBucket {
  key: 'portfolios' | 'unassigned' | 'outside'
  label: string
  spend: CurrencyAmounts
}

/**
 * The Overview's headline, like Actual Budget's "to be budgeted": the period's whole spend, the
 * buckets it falls into, and the portfolios' spend against the sum of their envelopes. Per currency.
 */
export interface SpendHeadline {
  total: CurrencyAmounts
  buckets: SpendBucket[]
  envelopes: CurrencyAmounts
  /** Envelopes minus spend in portfolios; negative when the portfolios spent more than their envelopes. */
  leftInEnvelopes: CurrencyAmounts
}

export function spendHeadline(report: Pick<PortfolioReport, 'portfolios' | 'unassigned'> & Partial<Pick<PortfolioReport, 'outside'>>): SpendHeadline {
  const inPortfolios = new CurrencyTotals()
  const envelopes = new CurrencyTotals()
  for (const row of report.portfolios) {
    inPortfolios.addAll(row.spend)
    envelopes.addAll(row.envelope)
  }
  const buckets: SpendBucket[] = [
    { key: 'portfolios', label: 'In portfolios', spend: inPortfolios.toJSON() },
    { key: 'unassigned', label: 'Unassigned', spend: report.unassigned.spend },
    // Shown only when the team has such buckets: they are spend, but no portfolio's and not unassigned.
    ...(report.outside?.buckets.length ? [{ key: 'outside' as const, label: 'Outside portfolios', spend: report.outside.spend }] : []),
  ]
  const total = new CurrencyTotals()
  for (const bucket of buckets) total.addAll(bucket.spend)
  const leftInEnvelopes: CurrencyAmounts = {}
  for (const currency of envelopes.currencies()) leftInEnvelopes[currency] = formatDecimal(subtractDecimal(envelopes.get(currency), inPortfolios.get(currency)))
  return { total: total.toJSON(), buckets, envelopes: envelopes.toJSON(), leftInEnvelopes }
}
