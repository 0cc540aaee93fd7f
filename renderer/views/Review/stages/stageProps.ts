import type { Review } from '../../../../shared/records/review'
import type { ReviewAction } from '../../../../shared/review'
import type { ReviewContextData } from '../useReviewScope'

export interface StageProps {
  review: Review
  /** This device's participant id. */
  me: string
  dispatch: (action: ReviewAction) => boolean
  data: ReviewContextData
  /** Paused or closed: the stage is shown, its review actions are not offered. */
  readOnly: boolean
  setError: (message: string | null) => void
}
