import { useEffect, useId, useState } from 'react'
import { REVIEW_STAGE_TITLES, VOTING_STAGES, voteTally } from '../../../../shared/review'
import { Money } from '../../../components/Money'
import { ActionItems } from '../ActionItems'
import { AppliedChanges } from '../AppliedChanges'
import { CloseReview } from '../CloseReview'
import { NotesAndCandidates } from '../NotesAndCandidates'
import { ReviewExport } from '../ReviewExport'
import { Steps } from '../../../components/recipes/Steps'
import { fullReport } from '../useReviewScope'
import { DECISION_LABELS } from './DecisionsStage'
import type { StageProps } from './stageProps'

/** Stage 6 (and a closed review): the decisions log, the notes, and the exports. */
export function SummaryStage({ review, me, dispatch, data, readOnly, setError }: StageProps) {
  const id = useId()
  const { names } = data
  const [notes, setNotes] = useState(review.notes)
  useEffect(() => setNotes(review.notes), [review.notes])
  const closed = review.status === 'closed'
  const facilitating = review.facilitator === me
  const saveNotes = () => notes === review.notes || dispatch({ type: 'setNotes', notes })

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
      {VOTING_STAGES.map((stage) => {
        const tally = voteTally(review, stage)
        return (
          <div key={stage} data-testid={`tally-${stage}`}>
            <h4>Votes at {REVIEW_STAGE_TITLES[stage]}</h4>
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
          </div>
        )
      })}
      <ActionItems review={review} dispatch={dispatch} readOnly={readOnly} />
      <div className="field review-notes">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          rows={4}
          value={notes}
          readOnly={readOnly}
          onChange={(event) => setNotes(event.target.value)}
          onBlur={saveNotes}
        />
      </div>
      {closed && <NotesAndCandidates review={review} notes={data.report.highCostNotes} candidates={data.report.candidates} names={names} />}
      <ReviewExport review={review} report={() => fullReport(review, data)} />
      {closed && <AppliedChanges review={review} />}
      {!closed && facilitating && <CloseReview review={review} me={me} data={data} disabled={readOnly} beforeClose={saveNotes} setError={setError} />}
    </div>
  )
}
