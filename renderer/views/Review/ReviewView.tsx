import { EmptyState } from '../../components/EmptyState'
import { routeHref } from '../../navigation/routes'
import { PastReviews } from './PastReviews'
import { PrintReport } from './PrintReport'
import { ReviewSession } from './ReviewSession'
import { StartReview } from './StartReview'
import { openReview, useReviews } from '../../workspace/useReviews'
import './ReviewView.css'

/**
 * The guided quarterly review. `#/review` shows the review in progress (or starts one),
 * `#/review/<id>` any review (past ones read-only), `#/review/<id>/print` its printable report.
 */
export function ReviewView({ params = [] }: { params?: string[] }) {
  const reviews = useReviews()
  const [reviewId, page] = params
  const current = openReview(reviews)

  if (reviewId) {
    const review = reviews.find((r) => r.id === reviewId)
    if (!review) {
      return (
        <div className="view review">
          <header className="view-header">
            <h1>Review</h1>
          </header>
          <EmptyState title="No such review" action={<a className="button" href={routeHref('review')}>All reviews</a>}>
            This workspace holds no review “{reviewId}”. It may not have synced yet.
          </EmptyState>
        </div>
      )
    }
    if (page === 'print') return <PrintReport review={review} />
    return <ReviewSession review={review} />
  }

  if (current) return <ReviewSession review={current} />
  return (
    <div className="view review">
      <header className="view-header">
        <h1>Review</h1>
      </header>
      <StartReview hasPast={reviews.length > 0} />
      <PastReviews reviews={reviews} />
    </div>
  )
}
