import type { Review, VotingStage } from '../../../shared/records/review'
import type { ReviewAction } from '../../../shared/review'
import { votesCast, votesLeft, voteTally } from '../../../shared/review'

export function VoteBudget({ review, me, stage }: { review: Review; me: string; stage: VotingStage }) {
  const left = votesLeft(review, me, stage)
  return (
    <p className="review-vote-budget" data-testid="vote-budget">
      You have {left} of {review.voteBudget} votes left at this stage to mark what matters most.
    </p>
  )
}

/** Marks (or unmarks) a portfolio or recipe as mattering most, within the stage's vote budget. */
export function VoteButton({ review, me, stage, subject, label, dispatch, disabled }: { review: Review; me: string; stage: VotingStage; subject: string; label: string; dispatch: (action: ReviewAction) => boolean; disabled?: boolean }) {
  const mine = votesCast(review, me, stage).includes(subject)
  const count = voteTally(review, stage).find(([s]) => s === subject)?.[1] ?? 0
  const spent = !mine && votesLeft(review, me, stage) === 0
  return (
    <span className="review-vote">
      <button
        type="button"
        aria-pressed={mine}
        aria-label={`${mine ? 'Take back my vote for' : 'Vote for'} ${label}`}
        title={spent ? 'All your votes at this stage are cast: take one back first' : undefined}
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
