import { useEffect } from 'react'
import type { Review } from '../../../shared/records/review'
import { REVIEW_STAGE_TITLES } from '../../../shared/review'
import { useReportReviewStage } from '../../collaboration/CollaborationContext'
import { routeHref } from '../../navigation/routes'
import { ReviewControls } from './ReviewControls'
import { CheckInStage } from './stages/CheckInStage'
import { DecisionsStage } from './stages/DecisionsStage'
import { HighCostStage } from './stages/HighCostStage'
import { RecipesStage } from './stages/RecipesStage'
import { ScorecardsStage } from './stages/ScorecardsStage'
import { SummaryStage } from './stages/SummaryStage'
import type { StageProps } from './stages/stageProps'
import { useReviewDispatch } from '../../workspace/useReviews'
import { useReviewPeers } from './useReviewPeers'
import { useReviewScope } from './useReviewScope'
import { plural } from '../../../shared/text/plural'

const STAGES: Record<Review['stage'], (props: StageProps) => React.ReactNode> = {
  'check-in': CheckInStage,
  scorecards: ScorecardsStage,
  'high-cost': HighCostStage,
  recipes: RecipesStage,
  decisions: DecisionsStage,
  summary: SummaryStage,
}

/** One review: the shared stage, its controls, and what the stage is about. Closed reviews read as their summary. */
export function ReviewSession({ review }: { review: Review }) {
  const { me, dispatch, error, setError } = useReviewDispatch(review.id)
  const data = useReviewScope(review)
  const peers = useReviewPeers(me)
  const facilitatorName = peers.get(review.facilitator)?.name
  const closed = review.status === 'closed'
  const stage = closed ? 'summary' : review.stage
  useReportReviewStage(closed ? undefined : REVIEW_STAGE_TITLES[stage])

  // Whoever opens a review in progress takes part in it (counted, never named).
  const joined = (review.participants ?? [review.facilitator]).includes(me)
  useEffect(() => {
    if (!closed && !joined) dispatch({ type: 'join' })
  }, [closed, joined, dispatch])

  const Stage = STAGES[stage]
  const readOnly = review.status !== 'active'
  return (
    <div className="view review" data-stage={stage} data-status={review.status}>
      <header className="view-header">
        <div>
          <h1>{review.period.replace('-', ' ')} review</h1>
          <p className="review-subtitle">
            {closed
              ? 'Closed — read-only'
              : review.facilitator === me
                ? 'You facilitate this review'
                : `${facilitatorName ?? 'Another participant'} facilitates this review${facilitatorName ? '' : ' (not here right now)'}`}
            {' · '}
            {plural((review.participants ?? [review.facilitator]).length, 'participant')}
          </p>
        </div>
        <a className="button" href={routeHref('review', review.id, 'print')}>
          Printable report
        </a>
      </header>
      {!closed && <ReviewControls review={review} me={me} dispatch={dispatch} peers={peers} />}
      {review.status === 'paused' && (
        <p className="review-banner paused" role="status">
          Paused. Everything stays as it is; {review.facilitator === me ? 'resume when the team is back.' : 'the facilitator resumes it.'} Outcome notes can still be written.
        </p>
      )}
      {error && (
        <p className="review-banner error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
      <section className="review-stage" aria-labelledby="review-stage-title">
        <h2 id="review-stage-title" tabIndex={-1}>
          {REVIEW_STAGE_TITLES[stage]}
        </h2>
        <Stage review={review} me={me} dispatch={dispatch} data={data} readOnly={readOnly} setError={setError} />
      </section>
      <p className="review-footer">
        <a href={routeHref('review')}>All reviews</a>
      </p>
    </div>
  )
}
