import { formatDecimal, negateDecimal, parseDecimal } from '../../../shared/money/decimal'
import type { SpendHeadline as Headline } from '../../../shared/reports/spendHeadline'
import { Amounts } from './money'

/**
 * The period at a glance, at the top of the Overview: all spend, the buckets it falls into, and
 * the portfolios against the sum of their envelopes (Actual Budget's "to be budgeted").
 */
export function SpendHeadline({ headline, periodKey }: { headline: Headline; periodKey: string }) {
  const over = Object.fromEntries(Object.entries(headline.leftInEnvelopes).filter(([, amount]) => amount.startsWith('-')))
  const left = Object.fromEntries(Object.entries(headline.leftInEnvelopes).filter(([, amount]) => !amount.startsWith('-')))
  return (
    <section className="spend-headline" aria-label={`Spend in ${periodKey}`} data-testid="spend-headline">
      <dl>
        <div className="headline-figure headline-total">
          <dt>Spend in {periodKey}</dt>
          <dd data-testid="headline-total">
            <Amounts amounts={headline.total} empty="Nothing yet" />
          </dd>
        </div>
        {headline.buckets.map((bucket) => (
          <div className="headline-figure" key={bucket.key}>
            <dt>{bucket.label}</dt>
            <dd data-testid={`headline-${bucket.key}`}>
              <Amounts amounts={bucket.spend} empty="Nothing" />
            </dd>
          </div>
        ))}
        <div className="headline-figure headline-envelopes">
          <dt>Envelopes</dt>
          <dd data-testid="headline-envelopes">
            <Amounts amounts={headline.envelopes} empty="None set" />
          </dd>
        </div>
        {Object.keys(left).length > 0 && (
          <div className="headline-figure headline-left">
            <dt>Left in envelopes</dt>
            <dd data-testid="headline-left">
              <Amounts amounts={left} />
            </dd>
          </div>
        )}
        {Object.keys(over).length > 0 && (
          <div className="headline-figure headline-over">
            <dt>Over the envelopes</dt>
            <dd data-testid="headline-over">
              <Amounts amounts={Object.fromEntries(Object.entries(over).map(([c, a]) => [c, formatDecimal(negateDecimal(parseDecimal(a)))]))} />
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}
