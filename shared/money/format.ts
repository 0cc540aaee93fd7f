import { formatDecimal, parseDecimal, roundDecimal } from './decimal'
import type { CurrencyAmounts } from './totals'

/** Digits of a currency's minor unit: USD 2, JPY 0, KWD 3. A code Intl cannot use (a provider's "credits") gets 2. */
export function minorUnitDigits(currency: string): number {
  return currencyFormat(currency, 'en-US')?.resolvedOptions().maximumFractionDigits ?? 2
}

/** The exact decimal rounded half-even to the currency's minor unit: the value a person reads, still a decimal string. */
export function roundToMinorUnit(amount: string, currency: string): string {
  const digits = minorUnitDigits(currency)
  const rounded = roundDecimal(parseDecimal(amount), digits)
  // Pad to the minor unit too ("40" → "40.00"), so every amount of a currency reads alike.
  return formatDecimal({ units: rounded.units * 10n ** BigInt(digits - rounded.scale), scale: digits })
}

/**
 * The one way money becomes text for people: rounded to the currency's minor unit, in the
 * locale's currency format ("$1,230.27", "1.230,27 €", "￥1,230"). The stored value is untouched.
 */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const rounded = roundToMinorUnit(amount, currency)
  const format = currencyFormat(currency, locale)
  // Number() is exact here: the rounded string has at most the minor unit's digits, far below float precision.
  return format ? format.format(Number(rounded)) : `${rounded} ${currency}`
}

/** Totals per currency, never converted or added across currencies: "$12.00 + €3.10"; "—" when empty. */
export function formatCurrencyAmounts(amounts: CurrencyAmounts, locale?: string, empty = '—'): string {
  const currencies = Object.keys(amounts).sort()
  if (currencies.length === 0) return empty
  return currencies.map((currency) => formatMoney(amounts[currency], currency, locale)).join(' + ')
}

const formats = new Map<string, Intl.NumberFormat | null>()

/** One cached Intl format per locale and currency (the Runs table formats thousands of amounts). */
function currencyFormat(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`
  let format = formats.get(key)
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    } catch {
      format = null
    }
    formats.set(key, format)
  }
  return format
}
