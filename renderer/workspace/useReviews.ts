import { useCallback, useMemo, useState } from 'react'
import type { Review } from '../../shared/records/review'
import { applyReviewAction, type ReviewAction } from '../../shared/review'
import { useObserved, useWorkspace } from './WorkspaceContext'
import { participantId } from '../collaboration/participant'

/** Every review in the workspace, newest first, re-read when anyone changes one. */
export function useReviews(): Review[] {
  const { governance } = useWorkspace()
  const map = governance.reviews.map
  return useObserved(
    (onChange) => {
      map.observeDeep(onChange)
      return () => map.unobserveDeep(onChange)
    },
    () => sortReviews(governance.reviews.list().records),
    [governance],
  )
}

export function sortReviews(reviews: readonly Review[]): Review[] {
  return [...reviews].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
}

/** The review still in progress (active or paused), if any: there is one meeting at a time. */
export function openReview(reviews: readonly Review[]): Review | undefined {
  return reviews.find((review) => review.status !== 'closed')
}

/** This device's participant id, read once. */
export function useParticipant(): string {
  return useMemo(() => participantId(), [])
}

/** Dispatches review actions as this participant and keeps the last refusal to show. */
export function useReviewDispatch(reviewId: string) {
  const { governance } = useWorkspace()
  const me = useParticipant()
  const [error, setError] = useState<string | null>(null)
  const dispatch = useCallback(
    (action: ReviewAction) => {
      const result = applyReviewAction(governance, reviewId, action, me)
      setError(result.ok ? null : result.error.message)
      return result.ok
    },
    [governance, reviewId, me],
  )
  return { me, dispatch, error, setError }
}
