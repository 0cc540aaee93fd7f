import { formatMoney } from '../../shared/money/format'
import type { CurrencyAmounts } from '../../shared/money/totals'

/** An amount for people; the exact stored decimal stays one hover (or screen-reader title) away. */
export function Money({ amount, currency }: { amount: string; currency: string }) {
  return (
    <span className="money" title={`${amount} ${currency} (exact)`}>
      {formatMoney(amount, currency)}
    </span>
  )
}

/** Totals per currency, never converted or added across currencies. */
export function Amounts({ amounts, empty = '—' }: { amounts: CurrencyAmounts; empty?: string }) {
  const currencies = Object.keys(amounts).sort()
  if (currencies.length === 0) return <span className="money">{empty}</span>
  return (
    <>
      {currencies.map((currency, i) => (
        <span key={currency}>
          {i > 0 && ' + '}
          <Money amount={amounts[currency]} currency={currency} />
        </span>
      ))}
    </>
  )
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
