import { useMemo, useState } from 'react'
import type { Review } from '../../../shared/records/review'
import { closeReview, planDecisions } from '../../../shared/review'
import { navigate } from '../../navigation/useRoute'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { fullReport, type ReviewContextData } from './useReviewScope'

interface Props {
  review: Review
  me: string
  data: ReviewContextData
  disabled: boolean
  /** Saves what is still being typed (the notes) before closing. */
  beforeClose: () => boolean
  setError: (message: string | null) => void
}

/**
 * Closing, in two steps: the facilitator sees next period's plan the decisions make (envelopes,
 * stages, merges, splits) and confirms; the close and every change are then one undo step.
 */
export function CloseReview({ review, me, data, disabled, beforeClose, setError }: Props) {
  const { governance, undoManager } = useWorkspace()
  const [confirming, setConfirming] = useState(false)
  const plan = useMemo(
    () => (confirming ? planDecisions(review, governance.portfolios.list().records, governance.settings.read().settings.fiscalYearStartMonth, new Date().toISOString()) : null),
    [confirming, review, governance],
  )
  const names = (id: string) => plan?.ok ? (plan.changes.find((c) => c.create?.id === id)?.create?.name ?? data.names[id] ?? id) : id

  const close = () => {
    if (!beforeClose()) return
    undoManager.stopCapturing()
    const result = closeReview(governance, review.id, me, new Date().toISOString(), fullReport(review, data))
    undoManager.stopCapturing()
    setError(result.ok ? null : result.error.message)
    if (result.ok) navigate('review', review.id)
  }

  if (!confirming) {
    return (
      <div className="actions review-close">
        <button type="button" className="primary" disabled={disabled} onClick={() => setConfirming(true)}>
          Close the review…
        </button>
        <span className="muted">You will see next quarter's plan from the decisions before anything changes.</span>
      </div>
    )
  }
  return (
    <section className="review-close-confirm" role="alertdialog" aria-labelledby="review-close-title">
      <h3 id="review-close-title">Close the review and apply its decisions?</h3>
      {plan && !plan.ok && (
        <ul className="field-error" role="alert">
          {plan.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {plan?.ok && (
        <>
          <p>
            From <strong>{plan.effectiveFrom}</strong> on{plan.changes.length === 0 ? ', nothing changes: every portfolio stays as it is.' : ':'}
          </p>
          {plan.changes.length > 0 && (
            <ul className="review-plan" data-testid="review-plan">
              {plan.changes.map((change, i) => (
                <li key={`${change.portfolioId}-${i}`}>
                  <strong>{names(change.portfolioId)}</strong>: {change.summary.join('; ')}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            {review.period} keeps the definitions it had; the review keeps what it showed, so its report never changes. Undo takes it all back in one step.
          </p>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={disabled || !plan?.ok} onClick={close}>
          Close and apply
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Not yet
        </button>
      </div>
    </section>
  )
}
