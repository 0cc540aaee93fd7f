import type { AllocationExplanation } from '../../../shared/analysis/allocation'
import { noun, plural } from '../../../shared/text/plural'

/** Says when charges without a workflow dimension were split across portfolios, and how. */
export function AllocationNotes({ allocations }: { allocations: readonly AllocationExplanation[] }) {
  const split = allocations.filter((a) => a.method === 'proportional-to-estimated-runs')
  const kept = allocations.filter((a) => a.method === 'no-runs-logged')
  if (allocations.length === 0) return null
  const splitCharges = split.reduce((n, a) => n + a.charges, 0)
  return (
    <section className="overview-section allocation-notes" aria-labelledby="allocation-heading" data-testid="allocation-notes">
      <h2 id="allocation-heading">How invoice charges were allocated</h2>
      <p className="muted">
        {split.length > 0
          ? `${plural(splitCharges, 'charge')} ${noun(splitCharges, 'carries', 'carry')} no workflow dimension, so ${noun(splitCharges, 'it was', 'they were')} allocated per provider and month in proportion to the log-estimated cost of each portfolio's runs.`
          : 'Charges without a workflow dimension had no logged runs to weigh them and stay Unassigned.'}
      </p>
      <details>
        <summary>Show how, per provider and month</summary>
        <ul>
          {[...split, ...kept].map((a) => (
            <li key={`${a.provider}-${a.month}-${a.currency}`}>{a.text}</li>
          ))}
        </ul>
      </details>
    </section>
  )
}
