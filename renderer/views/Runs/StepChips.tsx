/** A run's ordered step labels as chips; the rest is summarized as "+n" with the full list in its title. */
export function StepChips({ steps, max = 3 }: { steps: readonly string[]; max?: number }) {
  if (steps.length === 0) return <span className="muted">No steps</span>
  const shown = steps.slice(0, max)
  const rest = steps.length - shown.length
  return (
    <span className="step-chips" title={steps.join(' → ')} aria-label={`Steps: ${steps.join(', ')}`}>
      <span className="step-chips-list">
        {shown.map((step, index) => (
          <span key={index} className="step-chip">
            {step}
          </span>
        ))}
      </span>
      {rest > 0 && <span className="step-chip more">+{rest}</span>}
    </span>
  )
}
