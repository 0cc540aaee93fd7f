import { formatMoney } from '../../../shared/money/format'
import type { CurrencyAmounts } from '../../../shared/money/totals'

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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** A UTC instant shown in the person's time zone; the UTC value is in the title. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={`${iso} (UTC)`}>
      {dateTime.format(new Date(iso))}
    </time>
  )
}

/** A UTC calendar day ("2026-07-14"), shown as a date without shifting it into another day. */
export function UtcDate({ date }: { date: string }) {
  return <time dateTime={date}>{dateOnly.format(new Date(`${date}T00:00:00Z`))}</time>
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
