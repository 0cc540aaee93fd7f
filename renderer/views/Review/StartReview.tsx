import { useId, useMemo, useState } from 'react'
import { shiftPeriod } from '../../../shared/analysis/periods'
import { createReview } from '../../../shared/review'
import { choosePeriod } from '../../../shared/reports/choosePeriod'
import { navigate } from '../../navigation/useRoute'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { useAnalysis } from '../../workspace/useAnalysis'
import { periodOptions } from '../../workspace/periodChoice'
import { randomId } from '../../collaboration/participant'
import { useParticipant, useReviews } from '../../workspace/useReviews'

/** "No review yet — start the Q3 review": picks the quarter; whoever starts it facilitates. */
export function StartReview({ hasPast }: { hasPast: boolean }) {
  const { governance } = useWorkspace()
  const analysis = useAnalysis()
  const me = useParticipant()
  const id = useId()
  const reviews = useReviews()
  const suggested = useMemo(() => choosePeriod(analysis.input).period, [analysis])
  // A quarter whose review is closed is decided: it is not offered again as a new review.
  const { quarters, first } = useMemo(() => {
    const closed = new Set(reviews.filter((review) => review.status === 'closed').map((review) => review.period))
    const fiscal = analysis.input.settings.fiscalYearStartMonth
    let next = suggested
    while (closed.has(next.key)) next = shiftPeriod(next, 1, fiscal)
    return { quarters: periodOptions(analysis.input, next).quarters.filter((option) => !closed.has(option.key)), first: next.key }
  }, [analysis, suggested, reviews])
  const [period, setPeriod] = useState(first)
  const label = period.replace('-', ' ')

  const start = () => {
    const review = createReview(governance, { id: `review-${period}-${randomId().slice(0, 6)}`, period, facilitator: me, at: new Date().toISOString() })
    navigate('review', review.id)
  }

  return (
    <section className="empty-state review-start" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{hasPast ? `No review in progress — start the ${label} review` : `No review yet — start the ${label} review`}</h2>
      <p className="empty-state-text">
        Walk the portfolios together in six stages: data coverage, scorecards, high-cost runs and their outcome notes,
        recipe candidates, and decisions for next quarter, ending in a report you can export. Whoever starts the review
        facilitates it; everyone in the workspace follows the same stage.
      </p>
      <div className="review-start-form">
        <div className="field">
          <label htmlFor={`${id}-period`}>Quarter</label>
          <select id={`${id}-period`} value={period} onChange={(event) => setPeriod(event.target.value)}>
            {quarters.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="primary" onClick={start}>
          Start the {label} review
        </button>
      </div>
    </section>
  )
}
