import type { Review } from '../../../shared/records/review'
import { REVIEW_STAGE_TITLES } from '../../../shared/review'
import { routeHref } from '../../navigation/routes'
import { LocalTime } from '../../components/LocalTime'
import { plural } from '../../../shared/text/plural'

const STATUS_LABELS: Record<Review['status'], string> = { active: 'in progress', paused: 'paused', closed: 'closed' }

/** Every review of the workspace; closed ones stay readable. */
export function PastReviews({ reviews, exclude }: { reviews: readonly Review[]; exclude?: string }) {
  const shown = reviews.filter((review) => review.id !== exclude)
  if (shown.length === 0) return null
  return (
    <section className="review-past" aria-labelledby="review-past-title">
      <h2 id="review-past-title">Reviews</h2>
      <ul className="review-past-list">
        {shown.map((review) => (
          <li key={review.id} data-testid="past-review">
            <a href={routeHref('review', review.id)}>{review.period.replace('-', ' ')} review</a>
            <span className={`badge review-status-${review.status}`}>{STATUS_LABELS[review.status]}</span>
            <span className="muted">
              started <LocalTime iso={review.startedAt} />
              {review.closedAt ? (
                <>
                  , closed <LocalTime iso={review.closedAt} />
                </>
              ) : (
                ` · at ${REVIEW_STAGE_TITLES[review.stage]}`
              )}
              {' · '}
              {plural(review.decisions.length, 'portfolio decision')}, {plural(review.recipeDecisions.length, 'recipe decision')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
