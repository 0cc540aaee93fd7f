import { useEffect, useId, useState } from 'react'
import { voteTally } from '../../../../shared/review'
import { navigate } from '../../../navigation/useRoute'
import { Money } from '../../Overview/money'
import { ReviewExport } from '../ReviewExport'
import { Steps } from '../Steps'
import { DECISION_LABELS } from './DecisionsStage'
import type { StageProps } from './stageProps'

/** Stage 6 (and a closed review): the decisions log, the notes, and the exports. */
export function SummaryStage({ review, me, dispatch, data, readOnly }: StageProps) {
  const id = useId()
  const { names } = data
  const [notes, setNotes] = useState(review.notes)
  useEffect(() => setNotes(review.notes), [review.notes])
  const tally = voteTally(review)
  const closed = review.status === 'closed'
  const facilitating = review.facilitator === me
  const close = () => {
    if (dispatch({ type: 'setNotes', notes }) && dispatch({ type: 'close', at: new Date().toISOString() })) navigate('review', review.id)
  }

  return (
    <div className="review-summary" data-testid="review-summary">
      <h3>Portfolio decisions</h3>
      {review.decisions.length === 0 ? (
        <p className="muted">No portfolio decisions recorded.</p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col">Decision</th>
              <th scope="col" className="numeric">Next envelope</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {review.decisions.map((d) => (
              <tr key={d.portfolioId}>
                <td>{names[d.portfolioId] ?? d.portfolioId}</td>
                <td>{DECISION_LABELS[d.decision]}</td>
                <td className="numeric">{d.nextEnvelope ? <Money amount={d.nextEnvelope.amount} currency={d.nextEnvelope.currency} /> : '—'}</td>
                <td>{d.note || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Recipe decisions</h3>
      {review.recipeDecisions.length === 0 ? (
        <p className="muted">No recipe decisions recorded.</p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">Steps</th>
              <th scope="col">Decision</th>
              <th scope="col">Recipe</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {review.recipeDecisions.map((d) => (
              <tr key={d.candidateKey}>
                <td><Steps steps={d.steps} /></td>
                <td>{d.action}</td>
                <td>{d.recipeId ? (names[d.recipeId] ?? d.recipeId) : '—'}</td>
                <td>{d.reason || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>What matters most</h3>
      {tally.length === 0 ? (
        <p className="muted">No votes cast.</p>
      ) : (
        <ol className="review-tally">
          {tally.map(([subject, votes]) => (
            <li key={subject}>
              {names[subject] ?? subject.split('>').map(decodeURIComponent).join(' → ')} — {votes} vote{votes === 1 ? '' : 's'}
            </li>
          ))}
        </ol>
      )}
      <div className="field review-notes">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          value={notes}
          readOnly={readOnly}
          onChange={(event) => setNotes(event.target.value)}
          onBlur={() => notes !== review.notes && dispatch({ type: 'setNotes', notes })}
        />
      </div>
      <ReviewExport review={review} report={data.report} />
      {!closed && facilitating && (
        <div className="actions review-close">
          <button type="button" className="primary" disabled={readOnly} onClick={close}>
            Close the review
          </button>
          <span className="muted">Closing keeps it readable for everyone; nothing can change in it afterwards.</span>
        </div>
      )}
    </div>
  )
}
