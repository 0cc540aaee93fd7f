import { useId, useState } from 'react'
import { promoteCandidate } from '../../../shared/catalog'
import type { RecipeCandidate } from '../../../shared/mining'
import type { Recipe } from '../../../shared/records/recipe'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { Money } from '../../components/Money'
import { randomId } from '../../collaboration/participant'
import { Steps } from '../../components/recipes/Steps'
import type { CatalogContext } from './useCatalogStats'
import { RecipeNameFields } from '../../components/recipes/RecipeNameFields'
import { CandidateRuns } from './CandidateRuns'
import { CandidateVariants } from './CandidateVariants'
import { useMinedRecipes } from '../../workspace/mining/useMinedRecipes'
import { plural } from '../../../shared/text/plural'

/**
 * Candidates mined from every imported run, on request (mining a large workspace takes a
 * moment): any of them can be promoted here, outside a review.
 */
export function MinedCandidates({ context, recipes, autoOpen }: { context: CatalogContext; recipes: readonly Recipe[]; autoOpen?: boolean }) {
  const [minRuns, setMinRuns] = useState<number | null>(autoOpen ? 3 : null)
  const [draft, setDraft] = useState(3)
  const id = useId()
  const mined = useMinedRecipes(context, minRuns)
  const known = new Set(recipes.flatMap((recipe) => [recipe.steps.join('\u0000')]))
  const merged = new Set(recipes.flatMap((recipe) => recipe.mergedFrom))
  const candidates = mined?.candidates.filter((c) => !known.has(c.steps.join('\u0000')) && !merged.has(c.key)) ?? []

  return (
    <section className="catalog-mined" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Candidates from the runs</h2>
      <form
        className="catalog-mine-form"
        onSubmit={(event) => {
          event.preventDefault()
          setMinRuns(draft)
        }}
      >
        <div className="field narrow">
          <label htmlFor={`${id}-min`}>Least runs</label>
          <input id={`${id}-min`} type="number" min={2} max={10000} value={draft} onChange={(event) => setDraft(Math.max(2, Number(event.target.value) || 2))} />
        </div>
        <button type="submit">{minRuns !== null ? 'Mine again' : 'Find candidates in the runs'}</button>
        <p className="field-hint">Recurring multi-step workflows across all {plural(context.runs.length, 'imported run')}. The quarterly review offers the same, for its quarter.</p>
      </form>
      {minRuns !== null && !mined && (
        <p className="muted" role="status">
          Mining {plural(context.runs.length, 'run')}…
        </p>
      )}
      {mined && candidates.length === 0 && (
        <p className="muted" role="status">
          No new multi-step workflow recurs in at least {mined.minSupport} runs{mined.candidates.length > 0 ? ' that is not already in the catalog' : ''}.
        </p>
      )}
      {candidates.length > 0 && (
        <ol className="catalog-candidates">
          {candidates.map((candidate) => (
            <CandidateRow key={candidate.key} candidate={candidate} context={context} />
          ))}
        </ol>
      )}
    </section>
  )
}

function CandidateRow({ candidate, context }: { candidate: RecipeCandidate; context: CatalogContext }) {
  const { governance } = useWorkspace()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const label = candidate.steps.join(' → ')
  const promote = (event: React.FormEvent) => {
    event.preventDefault()
    const result = promoteCandidate(candidate, { id: `rc-${randomId()}`, name: name.trim() || label, description, reviewId: null, at: new Date().toISOString(), maxGap: candidate.maxGap })
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    governance.recipes.put(result.recipe)
  }
  return (
    <li className="catalog-candidate" data-testid="catalog-candidate">
      <Steps steps={candidate.steps} />
      {candidate.kind === 'generic' && <span className="badge">generic: only steps nearly every run has</span>}
      <p className="muted">
        {candidate.support} runs ({candidate.exactRuns} exactly) · median <Money amount={candidate.costUSD.median} currency="USD" />, p90 <Money amount={candidate.costUSD.p90} currency="USD" /> · total{' '}
        <Money amount={candidate.costUSD.total} currency="USD" /> · {candidate.annotatedRuns} with a note · in{' '}
        {candidate.portfolios.map((p) => (p.portfolioId ? (context.portfolioNames[p.portfolioId] ?? p.portfolioId) : 'Unassigned')).join(', ')}
      </p>
      <CandidateVariants variants={candidate.variants} />
      <CandidateRuns candidate={candidate} runs={context.runs} />
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-label={`Promote ${label}…`}>
          Promote…
        </button>
      ) : (
        <form className="recipe-form" onSubmit={promote} aria-label={`Promote ${label}`}>
          <RecipeNameFields id={id} name={name} description={description} placeholder={label} onName={setName} onDescription={setDescription} />
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="actions">
            <button type="submit" className="primary">
              Promote to the catalog
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  )
}
