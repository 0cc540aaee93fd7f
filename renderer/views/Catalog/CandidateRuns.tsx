import { useState } from 'react'
import { explainMatches, type RecipeCandidate } from '../../../shared/mining'
import { routeHref } from '../../navigation/routes'
import { Steps } from '../../components/recipes/Steps'

/** Runs listed before "and N more". */
const SHOWN = 20

/** Which steps of which runs matched the recipe: each run's steps with the matched ones highlighted and the skipped recipe steps named. */
export function CandidateRuns({ candidate, runs }: { candidate: RecipeCandidate; runs: readonly { id: string; steps: readonly string[] }[] }) {
  const [open, setOpen] = useState(false)
  const matches = open ? explainMatches(candidate, runs) : []
  // Only when open: a map of 100,000 runs per candidate made showing the candidates slow.
  const stepsOf = open ? new Map(runs.map((run) => [run.id, run.steps])) : null
  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide how its runs match' : 'Show how its runs match'}
      </button>
      {open && (
        <ul className="catalog-candidate-runs" data-testid="candidate-runs">
          {matches.slice(0, SHOWN).map((match) => {
            const skipped = candidate.steps.filter((_, k) => match.indexes[k] === null)
            return (
              <li key={match.runId}>
                <a href={routeHref('runs', match.runId)}>{match.runId.slice(0, 12)}</a>{' '}
                <Steps steps={stepsOf?.get(match.runId) ?? []} matched={match.indexes.filter((index) => index !== null)} />
                {skipped.length > 0 && <span className="muted"> skips {skipped.join(', ')}</span>}
              </li>
            )
          })}
          {matches.length > SHOWN && <li className="muted">and {matches.length - SHOWN} more</li>}
        </ul>
      )}
    </>
  )
}
