import { decimalToNumber, parseDecimal } from './decimal'
import type { CurrencyAmounts } from './totals'

/** Formats an exact decimal string for people, in the given locale; the stored value is untouched. */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const value = decimalToNumber(parseDecimal(amount))
  const fractionDigits = Math.abs(value) > 0 && Math.abs(value) < 0.01 ? 4 : 2
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: fractionDigits,
    }).format(value)
  } catch {
    // Unknown ISO code (e.g. a provider's credit unit): show the code beside the number.
    return `${value.toFixed(fractionDigits)} ${currency}`
  }
}

export function formatCurrencyAmounts(amounts: CurrencyAmounts, locale?: string): string {
  const entries = Object.entries(amounts)
  if (entries.length === 0) return '—'
  return entries.map(([currency, amount]) => formatMoney(amount, currency, locale)).join(' + ')
}
