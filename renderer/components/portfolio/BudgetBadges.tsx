import type { ReviewItem } from '../../../shared/analysis/budgets'
import { UtcDate } from '../LocalTime'
import './HealthBadges.css'

/**
 * Crossing 80% or 100% of the envelope never blocks anything: the badge says so, and that the
 * portfolio goes on the next review's agenda with a request for outcome notes.
 */
export function BudgetBadges({ items }: { items: readonly ReviewItem[] }) {
  if (items.length === 0) return null
  const top = items[items.length - 1]
  return (
    <details className="budget-badge" data-testid="budget-badge">
      <summary className={`badge ${top.threshold === 100 ? 'danger' : 'warn'}`}>{top.threshold}% of envelope</summary>
      <div className="lint-detail">
        {items.map((item) => (
          <p key={item.threshold}>
            Reached {item.threshold}% on <UtcDate date={item.crossedOn} />.
          </p>
        ))}
        <p>
          Nothing is blocked. Added to the next review, with a request for outcome notes on this portfolio.{' '}
          <a href="#/review">Open the review</a>
        </p>
      </div>
    </details>
  )
}
