import { REVIEW_STAGES, type Review } from '../../../shared/records/review'
import { REVIEW_STAGE_TITLES, type ReviewAction } from '../../../shared/review'
import { useState } from 'react'
import { usePeers } from '../../collaboration/CollaborationContext'
import type { Peer } from '../../collaboration/presence'
import { StageTimer } from './StageTimer'

interface Props {
  review: Review
  me: string
  dispatch: (action: ReviewAction) => boolean
  /** Teammates here now, by participant id (from live presence). */
  peers: Map<string, Peer>
}

/**
 * The shared stage for everyone: the facilitator moves between stages, pauses and resumes;
 * anyone else can suggest moving on. Who is where comes from live presence only.
 */
export function ReviewControls({ review, me, dispatch, peers }: Props) {
  const index = REVIEW_STAGES.indexOf(review.stage)
  const facilitating = review.facilitator === me
  const paused = review.status === 'paused'
  const suggested = review.moveOnRequests.includes(me)
  const suggestions = review.moveOnRequests.length
  const next = REVIEW_STAGES[index + 1]
  const successors = [...peers].filter(([id, peer]) => id !== me && !peer.isSelf)
  const [successor, setSuccessor] = useState('')
  const peersHere = usePeers().filter((peer) => peer.location?.view === 'review' && peer.location.reviewStage === REVIEW_STAGE_TITLES[review.stage])

  return (
    <div className="review-controls">
      <p className="review-visually-hidden" aria-live="polite">
        {paused ? 'The review is paused' : `The review is at ${REVIEW_STAGE_TITLES[review.stage]}`}
      </p>
      <nav aria-label="Review stages">
        <ol className="review-stepper">
          {REVIEW_STAGES.map((stage, i) => (
            <li key={stage} className={i < index ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
              <StepTitle title={REVIEW_STAGE_TITLES[stage]} />
            </li>
          ))}
        </ol>
      </nav>
      <div className="review-toolbar">
        {facilitating ? (
          <div className="review-buttons" role="group" aria-label="Facilitator">
            <button type="button" onClick={() => dispatch({ type: 'goBack' })} disabled={paused || index === 0}>
              Back
            </button>
            {next && (
              <button type="button" className="primary" onClick={() => dispatch({ type: 'advance' })} disabled={paused}>
                Next: {REVIEW_STAGE_TITLES[next].replace(/^\d+\. /, '')}
              </button>
            )}
            {paused ? (
              <button type="button" onClick={() => dispatch({ type: 'resume' })}>
                Resume
              </button>
            ) : (
              <button type="button" onClick={() => dispatch({ type: 'pause' })}>
                Pause
              </button>
            )}
            {successors.length > 0 && (
              <span className="review-handover">
                <label className="review-visually-hidden" htmlFor="review-handover">
                  Hand facilitation to
                </label>
                <select id="review-handover" value={successor} onChange={(event) => setSuccessor(event.target.value)}>
                  <option value="">Hand over to…</option>
                  {successors.map(([id, peer]) => (
                    <option key={id} value={id}>
                      {peer.name}
                    </option>
                  ))}
                </select>
                <button type="button" disabled={!successor} onClick={() => successor && dispatch({ type: 'handOver', to: successor })}>
                  Hand over
                </button>
              </span>
            )}
          </div>
        ) : (
          <div className="review-buttons">
            {!peers.has(review.facilitator) && (
              <button type="button" onClick={() => dispatch({ type: 'takeOver' })}>
                Take over facilitation
              </button>
            )}
            <button type="button" aria-pressed={suggested} disabled={paused} onClick={() => dispatch({ type: suggested ? 'withdrawMoveOn' : 'requestMoveOn' })}>
              {suggested ? 'Withdraw my suggestion' : 'Suggest moving on'}
            </button>
          </div>
        )}
        <StageTimer review={review} facilitating={facilitating} dispatch={dispatch} />
        <p className="review-suggestions" aria-live="polite" data-testid="move-on-count">
          {suggestions === 0 ? 'No one has suggested moving on yet' : `${suggestions} suggest${suggestions === 1 ? 's' : ''} moving on`}
        </p>
        {peersHere.length > 0 && (
          <p className="review-here">
            Here now:{' '}
            {peersHere.map((peer, i) => (
              <span key={peer.clientId}>
                {i > 0 && ', '}
                <span className="presence-swatch inline" style={{ background: peer.colour }} aria-hidden="true" />
                {peer.isSelf ? `${peer.name} (you)` : peer.name}
              </span>
            ))}
          </p>
        )}
      </div>
    </div>
  )
}

/** A stage title whose number never wraps away from its first word, so a narrow step breaks inside the title. */
function StepTitle({ title }: { title: string }) {
  const [number, first, ...rest] = title.split(' ')
  return (
    <>
      <span className="review-step-lead">{`${number} ${first}`}</span>
      {rest.length > 0 && ` ${rest.join(' ')}`}
    </>
  )
}
