import type { ReactNode } from 'react'
import { formatDecimal, negateDecimal, parseDecimal } from '../../../shared/money/decimal'
import type { CurrencyAmounts } from '../../../shared/money/totals'
import type { SpendHeadline as Headline } from '../../../shared/reports/spendHeadline'
import { Amounts } from '../../components/Money'

function Figure({ label, testId, className = '', children }: { label: ReactNode; testId: string; className?: string; children: ReactNode }) {
  return (
    <div className={`headline-figure ${className}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}

/** The amounts of one sign: what is left (positive or zero), or by how much the envelopes are overspent. */
function split(amounts: CurrencyAmounts): { left: CurrencyAmounts; over: CurrencyAmounts } {
  const left: CurrencyAmounts = {}
  const over: CurrencyAmounts = {}
  for (const [currency, amount] of Object.entries(amounts)) {
    if (amount.startsWith('-')) over[currency] = formatDecimal(negateDecimal(parseDecimal(amount)))
    else left[currency] = amount
  }
  return { left, over }
}

/**
 * The period at a glance, at the top of the Overview: all spend, the buckets it falls into, and
 * the portfolios against the sum of their envelopes (Actual Budget's "to be budgeted").
 */
export function SpendHeadline({ headline, periodKey }: { headline: Headline; periodKey: string }) {
  const { left, over } = split(headline.leftInEnvelopes)
  return (
    <section className="spend-headline" aria-label={`Spend in ${periodKey}`} data-testid="spend-headline">
      <dl>
        <Figure label={`Spend in ${periodKey}`} testId="headline-total" className="headline-total">
          <Amounts amounts={headline.total} empty="Nothing yet" />
        </Figure>
        {headline.buckets.map((bucket) => (
          <Figure key={bucket.key} label={bucket.label} testId={`headline-${bucket.key}`}>
            <Amounts amounts={bucket.spend} empty="Nothing" />
          </Figure>
        ))}
        <Figure label="Envelopes" testId="headline-envelopes" className="headline-envelopes">
          <Amounts amounts={headline.envelopes} empty="None set" />
        </Figure>
        {Object.keys(left).length > 0 && (
          <Figure label="Left in envelopes" testId="headline-left" className="headline-left">
            <Amounts amounts={left} />
          </Figure>
        )}
        {Object.keys(over).length > 0 && (
          <Figure label="Over the envelopes" testId="headline-over" className="headline-over">
            <Amounts amounts={over} />
          </Figure>
        )}
      </dl>
    </section>
  )
}
