import { useEffect, useId, useState } from 'react'
import type { Review } from '../../../shared/records/review'
import { stageTimeLeft, type ReviewAction } from '../../../shared/review'

const LENGTHS = [5, 10, 15, 20, 30]

/** The stage's optional time box: everyone sees the time left; the facilitator starts or stops it. */
export function StageTimer({ review, facilitating, dispatch }: { review: Review; facilitating: boolean; dispatch: (action: ReviewAction) => boolean }) {
  const id = useId()
  const [now, setNow] = useState(() => Date.now())
  const [minutes, setMinutes] = useState(10)
  const left = stageTimeLeft(review, now)
  useEffect(() => {
    if (!review.stageTimer) return
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [review.stageTimer])

  return (
    <div className="review-timer" role="group" aria-label="Stage timer">
      {left && (
        <span className={left.overtime ? 'badge warn' : 'badge'} role="timer" data-testid="stage-timer">
          {left.text}
        </span>
      )}
      {facilitating &&
        (left ? (
          <button type="button" onClick={() => dispatch({ type: 'stopTimer' })}>
            Stop timer
          </button>
        ) : (
          <>
            <label className="review-visually-hidden" htmlFor={`${id}-minutes`}>
              Minutes for this stage
            </label>
            <select id={`${id}-minutes`} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
              {LENGTHS.map((length) => (
                <option key={length} value={length}>
                  {length} min
                </option>
              ))}
            </select>
            <button type="button" onClick={() => dispatch({ type: 'startTimer', minutes, at: new Date().toISOString() }) && setNow(Date.now())}>
              Time-box this stage
            </button>
          </>
        ))}
    </div>
  )
}
