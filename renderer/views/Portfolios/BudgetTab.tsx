import { useMemo } from 'react'
import { summarizePortfolio, type Analysis, type PortfolioPeriodSummary } from '../../../shared/analysis/analyze'
import { dateOfDay } from '../../../shared/analysis/dates'
import type { Period } from '../../../shared/analysis/periods'
import { formatMoney } from '../../../shared/money/format'
import { BudgetBadges } from '../../components/portfolio/BudgetBadges'
import { Amounts, Money, percent } from '../../components/Money'
import { BurnUpChart } from './BurnUpChart'
import { burnUpSeries } from './burnUpSeries'
import { EnvelopeMoves } from './EnvelopeMoves'

function chartSummary(summary: PortfolioPeriodSummary, period: Period): string {
  const { budget } = summary
  const c = budget.currency
  const last = budget.burnUp[budget.burnUp.length - 1]
  const spent = formatMoney(last?.spend ?? '0', c)
  const end = dateOfDay(period.end - 1)
  const share = budget.usedShare === null ? '' : ` (${percent(budget.usedShare)} of the envelope)`
  const sofar = last ? `Spent ${spent} of ${formatMoney(budget.envelope, c)}${share} by ${last.date} (UTC).` : `${period.key} has not started.`
  // A closed period's forecast is its spend: saying it twice would read as a second figure.
  if (budget.forecastMethod === 'closed') return `${sofar} ${period.key} is over.`
  return `${sofar} Forecast by ${end}: ${formatMoney(budget.forecast[c] ?? '0', c)}. ${budget.forecastExplanation}`
}

/** Spend against the envelope for the period: burn-up, forecast, rollover and envelope moves. */
export function BudgetTab({ summary, period, analysis }: { summary: PortfolioPeriodSummary; period: Period; analysis: Analysis }) {
  const { portfolio, budget } = summary
  const c = budget.currency
  const series = useMemo(() => burnUpSeries(budget, period), [budget, period])
  return (
    <div className="budget-tab">
      <section className="page-section figures" aria-label="Budget figures">
        <dl className="figure-list">
          <div>
            <dt>Spend</dt>
            <dd data-testid="budget-spend"><Amounts amounts={budget.spend} empty={formatMoney('0', c)} /></dd>
          </div>
          <div>
            <dt>Envelope</dt>
            <dd data-testid="budget-envelope"><Money amount={budget.envelope} currency={c} /></dd>
            <dd className="muted small">
              base <Money amount={budget.envelopeParts.base} currency={c} /> · moves <Money amount={budget.envelopeParts.moves} currency={c} /> · rollover{' '}
              <Money amount={budget.envelopeParts.rollover} currency={c} />
            </dd>
          </div>
          {budget.forecastMethod !== 'closed' && (
            <div>
              <dt>Forecast to period end</dt>
              <dd data-testid="budget-forecast"><Money amount={budget.forecast[c] ?? '0'} currency={c} /></dd>
              <dd className="muted small">{budget.forecastMethod.replace(/-/g, ' ')}</dd>
            </div>
          )}
          <div>
            <dt>Used</dt>
            <dd>{budget.usedShare === null ? '—' : percent(budget.usedShare)}</dd>
            <dd><BudgetBadges items={budget.reviewItems} /></dd>
          </div>
        </dl>
      </section>
      <section className="page-section" aria-labelledby="burn-up-heading">
        <h2 id="burn-up-heading">Burn-up, {period.key}</h2>
        <BurnUpChart series={series} currency={c} summary={chartSummary(summary, period)} />
      </section>
      <section className="page-section" aria-labelledby="rollover-heading">
        <h2 id="rollover-heading">Rollover</h2>
        {portfolio.envelope.rollover ? (
          <table className="compact" data-testid="rollover">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col" className="numeric">Base</th>
                <th scope="col" className="numeric">Moves</th>
                <th scope="col" className="numeric">Carried in</th>
                <th scope="col" className="numeric">Envelope</th>
                <th scope="col" className="numeric">Spent</th>
              </tr>
            </thead>
            <tbody>
              {budget.steps.map((step) => (
                <tr key={step.period}>
                  <th scope="row">{step.period}</th>
                  <td className="numeric"><Money amount={step.base} currency={c} /></td>
                  <td className="numeric"><Money amount={step.moves} currency={c} /></td>
                  <td className="numeric"><Money amount={step.carriedIn} currency={c} /></td>
                  <td className="numeric"><Money amount={step.effective} currency={c} /></td>
                  <td className="numeric"><Money amount={step.spend} currency={c} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">
            Off: each {portfolio.envelope.period} starts from the base envelope. Turn it on in Definition to carry unspent or
            overspent amounts into the next period.
          </p>
        )}
      </section>
      <EnvelopeMoves
        portfolio={portfolio}
        portfolios={analysis.input.portfolios}
        moves={analysis.input.envelopeMoves}
        period={period}
        fiscalYearStartMonth={analysis.input.settings.fiscalYearStartMonth}
        envelopeOf={(p, own) => summarizePortfolio(analysis, p, own).budget.envelope}
      />
    </div>
  )
}
