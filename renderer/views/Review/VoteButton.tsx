import type { Review } from '../../../shared/records/review'
import type { ReviewAction } from '../../../shared/review'
import { voteTally } from '../../../shared/review'

/** Votes left for this participant in this review. */
export function votesLeft(review: Review, me: string): number {
  return Math.max(0, review.voteBudget - (review.votes[me] ?? []).length)
}

export function VoteBudget({ review, me }: { review: Review; me: string }) {
  const left = votesLeft(review, me)
  return (
    <p className="review-vote-budget" data-testid="vote-budget">
      You have {left} of {review.voteBudget} votes left to mark what matters most.
    </p>
  )
}

/** Marks (or unmarks) a portfolio or recipe as mattering most, within the vote budget. */
export function VoteButton({ review, me, subject, label, dispatch, disabled }: { review: Review; me: string; subject: string; label: string; dispatch: (action: ReviewAction) => boolean; disabled?: boolean }) {
  const mine = (review.votes[me] ?? []).includes(subject)
  const count = voteTally(review).find(([s]) => s === subject)?.[1] ?? 0
  const spent = !mine && votesLeft(review, me) === 0
  return (
    <span className="review-vote">
      <button
        type="button"
        aria-pressed={mine}
        aria-label={`${mine ? 'Take back my vote for' : 'Vote for'} ${label}`}
        title={spent ? 'All your votes are cast: take one back first' : undefined}
        disabled={disabled || spent}
        onClick={() => dispatch({ type: mine ? 'unvote' : 'vote', subject })}
      >
        {mine ? '★ Voted' : '☆ Vote'}
      </button>
      <span className="review-vote-count" data-testid={`votes-${subject}`}>
        {count} vote{count === 1 ? '' : 's'}
      </span>
    </span>
  )
}
