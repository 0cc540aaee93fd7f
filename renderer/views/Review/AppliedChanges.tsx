import { useCallback } from 'react'
import type { Review } from '../../../shared/records/review'
import { routeHref } from '../../navigation/routes'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'

/** A closed review's decisions as they took effect: each portfolio change it made, linked to the portfolio's history. */
export function AppliedChanges({ review }: { review: Review }) {
  const { governance } = useWorkspace()
  const changes = useObserved(
    useCallback((onChange) => governance.portfolioChanges.observe(onChange), [governance]),
    () => governance.portfolioChanges.list().records.filter((change) => change.source?.reviewId === review.id),
    [governance, review.id],
  )
  if (!review.applied) return null
  return (
    <section className="review-applied" aria-labelledby="review-applied-title">
      <h3 id="review-applied-title">Decisions applied from {review.applied.effectiveFrom}</h3>
      {changes.length === 0 ? (
        <p className="muted">The decisions changed no portfolio.</p>
      ) : (
        <ul data-testid="applied-changes">
          {changes.map((change) => {
            const name = governance.portfolios.get(change.portfolioId)?.name ?? change.portfolioId
            const what = change.created ? 'created' : Object.keys(change.after).join(', ')
            return (
              <li key={change.id}>
                <a href={routeHref('portfolios', change.portfolioId, 'history')}>{name}</a>: {what} ({change.source?.decision})
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
