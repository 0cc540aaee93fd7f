import type { PortfolioPeriodSummary } from '../../../shared/analysis/analyze'
import { OutcomeHeadline, reachedOutcomes } from './OutcomeFigures'
import { routeHref } from '../../navigation/routes'
import { BudgetBadges } from './BudgetBadges'
import { LintBadges } from './LintBadges'
import { Money, percent } from '../Money'
import { Sparkline } from './Sparkline'
import { weeklySpend } from './trend'
import { formatCount, noun, plural } from '../../../shared/text/plural'
import './PortfolioCard.css'

/** One portfolio in the period: spend against its envelope, the trend, its stage, what it delivered and health checks. */
export function PortfolioCard({ summary }: { summary: PortfolioPeriodSummary }) {
  const { portfolio, budget } = summary
  const currency = budget.currency
  const spent = budget.spend[currency] ?? '0'
  const others = Object.entries(budget.spend).filter(([c]) => c !== currency)
  const share = budget.usedShare
  const level = share === null ? '' : share >= 1 ? 'over' : share >= 0.8 ? 'near' : ''
  const weeks = weeklySpend(budget.burnUp)
  return (
    <article className="portfolio-card" aria-labelledby={`card-${portfolio.id}`} data-testid="portfolio-card">
      <header className="card-header">
        <h2 id={`card-${portfolio.id}`}>
          <a href={routeHref('portfolios', portfolio.id)}>{portfolio.name}</a>
        </h2>
        <span className={`badge status-${portfolio.status}`} title="Stage">
          {portfolio.status}
        </span>
        <BudgetBadges items={budget.reviewItems} />
      </header>
      <p className="card-spend">
        <span className="card-label">Spend</span>{' '}
        <strong data-testid="card-spend">
          <Money amount={spent} currency={currency} />
        </strong>{' '}
        of{' '}
        <span data-testid="card-envelope">
          <Money amount={budget.envelope} currency={currency} />
        </span>
        {share !== null && <span className={`card-share ${level}`}> · {percent(share)}</span>}
      </p>
      <div className={`meter ${level}`} aria-hidden="true">
        <div className="meter-fill" style={{ width: `${Math.min(share ?? 0, 1) * 100}%` }} />
      </div>
      {others.length > 0 && (
        <p className="card-other-currencies" data-testid="card-other-currencies">
          Also spent, not converted:{' '}
          {others.map(([c, amount], i) => (
            <span key={c}>
              {i > 0 && ', '}
              <Money amount={amount} currency={c} />
            </span>
          ))}
        </p>
      )}
      <div className="card-trend">
        <Sparkline values={weeks} label={`Weekly spend in ${currency}, ${plural(weeks.length, 'week')} of ${summary.period}`} />
        {budget.forecastMethod === 'closed' ? (
          // A past period has nothing left to forecast: its spend above is final.
          <p className="card-forecast muted" data-testid="card-period-closed">Period closed</p>
        ) : (
          <p className="card-forecast" title={budget.forecastExplanation}>
            <span className="card-label">Forecast to period end</span>{' '}
            <span data-testid="card-forecast">
              <Money amount={budget.forecast[currency] ?? '0'} currency={currency} />
            </span>
          </p>
        )}
      </div>
      <p className="card-counts">
        <span data-testid="card-runs">{formatCount(summary.runs)}</span> {noun(summary.runs, 'run')} · <span data-testid="card-charges">{formatCount(summary.charges)}</span>{' '}
        {noun(summary.charges, 'charge')}
      </p>
      {summary.outcomes && reachedOutcomes(summary.outcomes) && <OutcomeHeadline outcomes={summary.outcomes} />}
      <LintBadges lints={summary.lints} />
    </article>
  )
}
