import type { Run } from '../records/run'
import { compareDecimal, formatDecimal, parseDecimal, subtractDecimal, ZERO } from '../money/decimal'
import { CurrencyTotals, type CurrencyAmounts } from '../money/totals'
import { monthOf } from './dates'
import { chargeAmount, chargeRows, providerKey, type ChargeLine } from './input'
import { noun, plural } from '../text/plural'

/**
 * Billed spend (charges) against log-estimated spend (runs) for one provider and month.
 * Run estimates are USD, so only USD billing is compared; other currencies are listed apart.
 */
export interface ReconciliationRow {
  provider: string
  month: string
  billed: CurrencyAmounts
  estimated: CurrencyAmounts
  /** The part of USD billing explained by runs: min(billed, estimated). */
  matched: CurrencyAmounts
  /** USD billed − estimated: positive when billing is not explained by imported logs, negative when logs estimate more than was billed. */
  unexplained: CurrencyAmounts
  /** Runs in a provider-month with no billing imported at all. */
  runsWithoutBilling: number
  runs: number
  charges: number
  note: string
}

export function reconcile(runs: readonly Run[], charges: readonly ChargeLine[]): ReconciliationRow[] {
  const rows = new Map<string, { provider: string; month: string; billed: CurrencyTotals; estimated: CurrencyTotals; runs: number; charges: number }>()
  const row = (provider: string, month: string) => {
    const key = `${providerKey(provider)}\u0000${month}`
    let entry = rows.get(key)
    if (!entry) {
      entry = { provider: providerKey(provider), month, billed: new CurrencyTotals(), estimated: new CurrencyTotals(), runs: 0, charges: 0 }
      rows.set(key, entry)
    }
    return entry
  }
  // Charges come in date order: the previous charge's row is looked up again only when its provider or month changes.
  let last: { provider: string; month: string; entry: ReturnType<typeof row> } | null = null
  for (const charge of charges) {
    if (!last || charge.provider !== last.provider || !charge.start.startsWith(last.month)) {
      const month = monthOf(charge.start)
      last = { provider: charge.provider, month, entry: row(charge.provider, month) }
    }
    last.entry.billed.add(charge.currency, chargeAmount(charge))
    last.entry.charges += chargeRows(charge)
  }
  for (const run of runs) {
    for (const [month, cost] of Object.entries(run.costByMonth)) {
      const entry = row(run.provider, month)
      entry.estimated.add('USD', cost)
      entry.runs += 1
    }
  }
  return [...rows.values()]
    .sort((a, b) => a.provider.localeCompare(b.provider) || a.month.localeCompare(b.month))
    .map((entry) => {
      const billed = entry.billed.toJSON()
      const estimated = entry.estimated.toJSON()
      const matched: CurrencyAmounts = {}
      const unexplained: CurrencyAmounts = {}
      const otherCurrencies = entry.billed.currencies().filter((c) => c !== 'USD')
      let note: string
      if (entry.charges === 0) {
        note = `No ${entry.provider} billing imported for ${entry.month}: ${plural(entry.runs, 'run')} ${noun(entry.runs, 'has', 'have')} no billing counterpart.`
      } else {
        const billedUSD = billed.USD ? parseDecimal(billed.USD) : ZERO
        const estimatedUSD = estimated.USD ? parseDecimal(estimated.USD) : ZERO
        if (billed.USD !== undefined) {
          matched.USD = formatDecimal(compareDecimal(billedUSD, estimatedUSD) <= 0 ? billedUSD : estimatedUSD)
          unexplained.USD = formatDecimal(subtractDecimal(billedUSD, estimatedUSD))
        }
        note = otherCurrencies.length
          ? `Billing in ${otherCurrencies.join(', ')} is kept apart: run estimates are USD and are not converted.`
          : entry.runs === 0 ? `No runs logged for ${entry.provider} in ${entry.month}: all billing is unexplained.` : 'Billed vs log-estimated in USD.'
      }
      return {
        provider: entry.provider,
        month: entry.month,
        billed,
        estimated,
        matched,
        unexplained,
        runsWithoutBilling: entry.charges === 0 ? entry.runs : 0,
        runs: entry.runs,
        charges: entry.charges,
        note,
      }
    })
}
