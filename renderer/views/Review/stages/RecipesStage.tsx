import { useDeferredValue, useId, useState } from 'react'
import { explainMatches, type RecipeCandidate } from '../../../../shared/mining'
import type { Recipe } from '../../../../shared/records/recipe'
import type { RecipeDecision } from '../../../../shared/records/review'
import { decideRecipe, REVIEW_MIN_RUNS, type RecipeChoice } from '../../../../shared/review'
import { routeHref } from '../../../navigation/routes'
import { useWorkspace } from '../../../workspace/WorkspaceContext'
import { useMinedRecipes } from '../../../workspace/mining/useMinedRecipes'
import { useRecipes } from '../../../workspace/useRecipes'
import { randomId } from '../../../collaboration/participant'
import { CandidateStats } from '../CandidateStats'
import { Steps } from '../../../components/recipes/Steps'
import { VoteBudget, VoteButton } from '../VoteButton'
import type { StageProps } from './stageProps'
import { RecipeNameFields } from '../../../components/recipes/RecipeNameFields'
import { plural } from '../../../../shared/text/plural'

const ACTION_LABELS: Record<RecipeDecision['action'], string> = { promote: 'Promoted', merge: 'Merged', reject: 'Rejected' }

/**
 * Stage 4: recurring multi-step workflows mined from the period's runs. Each is promoted into
 * the catalog, merged into an existing recipe, or rejected, with a reason; votes mark the ones
 * that matter most.
 */
export function RecipesStage(props: StageProps) {
  const { review, me, dispatch, data, readOnly } = props
  const id = useId()
  const [minRuns, setMinRuns] = useState(REVIEW_MIN_RUNS)
  const deferredMin = useDeferredValue(minRuns)
  const { scope, names } = data
  // In a Web Worker, as the Catalog mines: the stage stays responsive on a large quarter.
  const mined = useMinedRecipes(scope, deferredMin)
  const recipes = useRecipes()
  const decided = new Map(review.recipeDecisions.map((d) => [d.candidateKey, d]))
  // Candidates decided earlier stay listed with their decision even if the minimum changes.
  const candidates = mined?.candidates ?? []
  const minSupport = mined?.minSupport ?? deferredMin

  return (
    <div className="review-recipes">
      <div className="review-recipes-toolbar">
        <div className="field narrow">
          <label htmlFor={`${id}-min`}>Least runs</label>
          <input
            id={`${id}-min`}
            type="number"
            min={2}
            max={1000}
            value={minRuns}
            onChange={(event) => setMinRuns(Math.max(2, Math.min(1000, Number(event.target.value) || 2)))}
          />
        </div>
        <p className="field-hint">
          A workflow must recur in at least {minSupport} of the period's {plural(scope.runs.length, 'run')} (and 5% of them). Ranked by how
          often it recurs times its share of the cost.
        </p>
        <VoteBudget review={review} me={me} stage="recipes" />
      </div>
      {!mined ? (
        <p className="muted" role="status">
          Mining the period's runs…
        </p>
      ) : candidates.length === 0 ? (
        <div className="review-empty">
          <p>
            No multi-step workflow recurs in at least {minSupport} runs of this period.
            {minRuns > 2 ? ' Lower the minimum to see rarer ones.' : ' Import more session logs to find recurring ones.'}
          </p>
        </div>
      ) : (
        <ol className="review-candidates">
          {candidates.map((candidate) => (
            <CandidateItem key={candidate.key} {...props} candidate={candidate} decision={decided.get(candidate.key)} recipes={recipes} names={names} readOnly={readOnly} dispatch={dispatch} />
          ))}
        </ol>
      )}
      {review.recipeDecisions.some((d) => !candidates.some((c) => c.key === d.candidateKey)) && (
        <p className="muted">
          Also decided in this review:{' '}
          {review.recipeDecisions
            .filter((d) => !candidates.some((c) => c.key === d.candidateKey))
            .map((d) => `${d.steps.join(' → ')} (${ACTION_LABELS[d.action].toLowerCase()})`)
            .join('; ')}
        </p>
      )}
    </div>
  )
}

type Mode = 'promote' | 'merge' | 'reject' | null

function CandidateItem({
  review,
  me,
  dispatch,
  data,
  candidate,
  decision,
  recipes,
  names,
  readOnly,
  setError,
}: StageProps & { candidate: RecipeCandidate; decision: RecipeDecision | undefined; recipes: Recipe[]; names: Record<string, string> }) {
  const { governance } = useWorkspace()
  const id = useId()
  const [mode, setMode] = useState<Mode>(null)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [reason, setReason] = useState('')
  const mergeable = recipes.filter((recipe) => recipe.status !== 'deprecated')
  const [target, setTarget] = useState('')
  const [adoptSteps, setAdoptSteps] = useState(false)
  const [showRuns, setShowRuns] = useState(false)
  const label = candidate.steps.join(' → ')

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    let choice: RecipeChoice
    if (mode === 'promote') choice = { action: 'promote', candidate, recipeId: `rc-${randomId()}`, name: name.trim() || label, description, maxGap: candidate.maxGap, reason }
    else if (mode === 'merge') choice = { action: 'merge', candidate, recipeId: target || mergeable[0]?.id || '', adoptSteps, reason }
    else if (mode === 'reject') choice = { action: 'reject', candidate, reason }
    else return
    const result = decideRecipe(governance, review.id, choice, me, new Date().toISOString())
    if (result.ok) {
      setMode(null)
      setError(null)
    } else setError(result.error.message)
  }

  const matches = showRuns ? explainMatches(candidate, data.scope.runs) : []
  const runSteps = new Map(data.scope.runs.map((run) => [run.id, run.steps]))

  return (
    <li className="review-candidate" data-testid="recipe-candidate">
      <div className="review-candidate-head">
        <Steps steps={candidate.steps} />
        <VoteButton review={review} me={me} stage="recipes" subject={candidate.key} label={label} dispatch={dispatch} disabled={readOnly} />
      </div>
      <CandidateStats candidate={{ ...candidate, variants: candidate.variants.length }} names={names} />
      <button type="button" className="link-button" aria-expanded={showRuns} onClick={() => setShowRuns(!showRuns)}>
        {showRuns ? 'Hide the runs that follow it' : 'Show the runs that follow it'}
      </button>
      {showRuns && (
        <ul className="review-candidate-runs">
          {matches.slice(0, 20).map((match) => (
            <li key={match.runId}>
              <a href={routeHref('runs', match.runId)}>{match.runId.slice(0, 12)}</a> <Steps steps={runSteps.get(match.runId) ?? []} matched={match.indexes.filter((index) => index !== null)} />
            </li>
          ))}
          {matches.length > 20 && <li className="muted">and {matches.length - 20} more</li>}
        </ul>
      )}
      {decision ? (
        <p className="review-decided" data-testid="recipe-decision">
          <span className={`badge decision-${decision.action}`}>{ACTION_LABELS[decision.action]}</span>{' '}
          {decision.recipeId && <a href={routeHref('catalog')}>{names[decision.recipeId] ?? recipes.find((r) => r.id === decision.recipeId)?.name ?? decision.recipeId}</a>}
          {decision.reason && ` — ${decision.reason}`}
        </p>
      ) : readOnly ? null : mode === null ? (
        <div className="actions" role="group" aria-label={`Decide ${label}`}>
          <button type="button" onClick={() => setMode('promote')}>Promote…</button>
          <button type="button" onClick={() => setMode('merge')} disabled={mergeable.length === 0} title={mergeable.length === 0 ? 'No recipe in the catalog yet' : undefined}>
            Merge into…
          </button>
          <button type="button" onClick={() => setMode('reject')}>Reject…</button>
        </div>
      ) : (
        <form className="review-decide-form" onSubmit={submit} aria-label={`${mode} ${label}`}>
          {mode === 'promote' && (
            <RecipeNameFields id={id} name={name} description={description} placeholder={label} onName={setName} onDescription={setDescription} />
          )}
          {mode === 'merge' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-target`}>Into recipe</label>
                <select id={`${id}-target`} value={target || mergeable[0]?.id} onChange={(event) => setTarget(event.target.value)} autoFocus>
                  {mergeable.map((recipe) => (
                    <option key={recipe.id} value={recipe.id}>
                      {recipe.name} ({recipe.steps.join(' → ')})
                    </option>
                  ))}
                </select>
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={adoptSteps} onChange={(event) => setAdoptSteps(event.target.checked)} /> Take these steps as the recipe's new steps
              </label>
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{mode === 'promote' ? 'Reason (optional)' : 'Reason'}</label>
            <input id={`${id}-reason`} value={reason} required={mode !== 'promote'} onChange={(event) => setReason(event.target.value)} autoFocus={mode === 'reject'} />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {mode === 'promote' ? 'Promote to the catalog' : mode === 'merge' ? 'Merge' : 'Reject'}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  )
}
