import type { Review } from '../../../shared/records/review'
import type { CandidateFigures, HighCostNote } from '../../../shared/review'
import { VALUE_CATEGORY_LABELS } from '../../components/annotations/AnnotationEditor'
import { Money } from '../../components/Money'
import { UtcDate } from '../../components/LocalTime'
import { CandidateStats } from './CandidateStats'
import { Steps } from '../../components/recipes/Steps'

/**
 * The high-cost runs' outcome notes and stage 4's candidates as a report shows them: a closed
 * review's page and its printable report, read from what the review kept at close.
 */
export function NotesAndCandidates({ review, notes, candidates, names }: {
  review: Pick<Review, 'recipeDecisions'>
  notes: readonly HighCostNote[] | undefined
  candidates: readonly CandidateFigures[] | undefined
  names: Record<string, string>
}) {
  const name = (id: string | null) => (id === null ? 'Unassigned' : (names[id] ?? id))
  const decided = new Map(review.recipeDecisions.map((d) => [d.candidateKey, d]))
  return (
    <>
      <section aria-label="High-cost runs with an outcome note" data-testid="kept-notes">
        <h3>High-cost runs with an outcome note</h3>
        {notes === undefined ? (
          <p className="muted">Not kept: this review closed before notes were kept with it.</p>
        ) : notes.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="review-table">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col" className="numeric">Cost</th>
                <th scope="col">Portfolio</th>
                <th scope="col">Value</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr key={note.runId}>
                  <td>
                    {[note.repo, note.branch].filter(Boolean).join(' · ') || note.runId.slice(0, 12)} <span className="muted"><UtcDate date={note.start.slice(0, 10)} /></span>
                  </td>
                  <td className="numeric"><Money amount={note.costUSD} currency="USD" /></td>
                  <td>{name(note.portfolioId)}</td>
                  <td>{VALUE_CATEGORY_LABELS[note.valueCategory]}</td>
                  <td>
                    {note.text.trim() || '—'}
                    {note.evidence.length > 0 && <span className="muted"> · {note.evidence.map((link) => `${link.kind} ${link.ref}`).join(', ')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Recipe candidates" data-testid="kept-candidates">
        <h3>Recipe candidates</h3>
        {candidates === undefined ? (
          <p className="muted">Not kept: this review closed before candidates were kept with it.</p>
        ) : candidates.length === 0 ? (
          <p className="muted">No multi-step workflow recurred often enough.</p>
        ) : (
          <ol className="review-candidates">
            {candidates.map((candidate) => {
              const decision = decided.get(candidate.key)
              return (
                <li key={candidate.key} className="review-candidate" data-testid="kept-candidate">
                  <Steps steps={candidate.steps} />
                  <CandidateStats candidate={candidate} names={names} />
                  <p className="review-decided">
                    {decision ? `${decision.action}${decision.recipeId ? ` as ${name(decision.recipeId)}` : ''}${decision.reason ? ` — ${decision.reason}` : ''}` : 'Not decided'}
                  </p>
                </li>
              )
            })}
          </ol>
        )}
      </section>
    </>
  )
}
