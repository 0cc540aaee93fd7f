import './Steps.css'

/** A step sequence as chips; matched indexes (where a run follows a recipe) are highlighted. */
export function Steps({ steps, matched }: { steps: readonly string[]; matched?: readonly number[] }) {
  if (steps.length === 0) return <span className="muted">No steps</span>
  const hit = new Set(matched)
  return (
    <span className="review-steps" aria-label={`Steps: ${steps.join(', ')}`}>
      {steps.map((step, i) => (
        <span key={i} className={`chip${hit.has(i) ? ' matched' : ''}`}>
          {step}
        </span>
      ))}
    </span>
  )
}
