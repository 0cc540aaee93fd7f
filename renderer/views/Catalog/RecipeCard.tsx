import { useId, useState } from 'react'
import { deprecateRecipe, reviseRecipe, type RecipeStats } from '../../../shared/catalog'
import type { Recipe } from '../../../shared/records/recipe'
import type { Review } from '../../../shared/records/review'
import { routeHref, RUNS_MINED_FROM } from '../../navigation/routes'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { Money, percent } from '../../components/Money'
import { LocalTime } from '../../components/LocalTime'
import { Steps } from '../../components/recipes/Steps'
import { plural } from '../../../shared/text/plural'

const STATUS_LABELS: Record<Recipe['status'], string> = { candidate: 'candidate', promoted: 'promoted', deprecated: 'deprecated' }

interface Props {
  recipe: Recipe
  stats: RecipeStats | undefined
  portfolioNames: Record<string, string>
  reviews: readonly Review[]
}

/** One recipe: what it is, how it is used now, where it came from, and how it changed. */
export function RecipeCard({ recipe, stats, portfolioNames, reviews }: Props) {
  const { governance } = useWorkspace()
  const id = useId()
  const [mode, setMode] = useState<'edit' | 'deprecate' | null>(null)
  const [name, setName] = useState(recipe.name)
  const [description, setDescription] = useState(recipe.description)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const review = recipe.provenance.reviewId ? reviews.find((r) => r.id === recipe.provenance.reviewId) : undefined
  const minedFrom = recipe.provenance.minedFromRunCount ?? recipe.provenance.minedFromRuns.length

  const open = (next: 'edit' | 'deprecate') => {
    setName(recipe.name)
    setDescription(recipe.description)
    setNote('')
    setError(null)
    setMode(next)
  }
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const at = new Date().toISOString()
    const result = mode === 'edit' ? reviseRecipe(recipe, { name, description }, { at, note: note.trim() }) : deprecateRecipe(recipe, { at, note: note.trim() })
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    governance.recipes.put(result.recipe)
    setMode(null)
  }
  const promote = () => {
    const version = recipe.version + 1
    const at = new Date().toISOString()
    governance.recipes.put({
      ...recipe,
      status: 'promoted',
      version,
      history: [...recipe.history, { version, steps: recipe.steps, name: recipe.name, at, note: 'promoted in the catalog' }],
      provenance: { ...recipe.provenance, promotedAt: at },
    })
  }

  return (
    <article className={`recipe-card status-${recipe.status}`} aria-labelledby={`${id}-name`} data-testid="recipe-card">
      <header className="recipe-card-header">
        <h2 id={`${id}-name`}>{recipe.name}</h2>
        <span className={`badge recipe-status-${recipe.status}`}>{STATUS_LABELS[recipe.status]}</span>
        <span className="muted">v{recipe.version}</span>
      </header>
      {recipe.description && <p className="recipe-description">{recipe.description}</p>}
      <Steps steps={recipe.steps} />

      {stats && (
        <dl className="recipe-stats" data-testid="recipe-stats">
          <div>
            <dt>Runs following it</dt>
            <dd>
              {stats.runs} <span className="muted">({percent(stats.share)} of all runs)</span>
            </dd>
          </div>
          <div>
            <dt>Cost per run</dt>
            <dd>
              {stats.runs === 0 ? (
                '—'
              ) : (
                <>
                  median <Money amount={stats.costUSD.median} currency="USD" />, p90 <Money amount={stats.costUSD.p90} currency="USD" />
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Total cost</dt>
            <dd>
              <Money amount={stats.costUSD.total} currency="USD" />
            </dd>
          </div>
          <div>
            <dt>With an outcome note</dt>
            <dd>{stats.runs === 0 ? '—' : `${stats.annotatedRuns} (${percent(stats.annotatedRuns / stats.runs)})`}</dd>
          </div>
          <div className="wide">
            <dt>Portfolios</dt>
            <dd>
              {stats.portfolios.length === 0
                ? 'none yet'
                : stats.portfolios.map((p, i) => (
                    <span key={p.portfolioId ?? 'unassigned'}>
                      {i > 0 && ', '}
                      {p.portfolioId ? <a href={routeHref('portfolios', p.portfolioId)}>{portfolioNames[p.portfolioId] ?? p.portfolioId}</a> : 'Unassigned'} ({p.runs})
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
      )}

      <p className="recipe-provenance" data-testid="recipe-provenance">
        Mined from <a href={routeHref('runs', RUNS_MINED_FROM, recipe.id)}>{plural(minedFrom, 'run')}</a>
        {recipe.provenance.reviewId ? (
          <>
            {' · '}promoted in the{' '}
            <a href={routeHref('review', recipe.provenance.reviewId)}>{review ? `${review.period.replace('-', ' ')} review` : 'review'}</a>
          </>
        ) : (
          recipe.provenance.promotedAt && ' · promoted in the catalog'
        )}
        {recipe.provenance.promotedAt && (
          <>
            {' '}on <LocalTime iso={recipe.provenance.promotedAt} />
          </>
        )}
        {recipe.mergedFrom.length > 0 && ` · ${plural(recipe.mergedFrom.length, 'mined variant')} merged in`}
      </p>

      {recipe.history.length > 0 && (
        <details className="recipe-history">
          <summary>Version history ({recipe.history.length})</summary>
          <ol>
            {[...recipe.history].reverse().map((version) => (
              <li key={version.version}>
                <strong>v{version.version}</strong> <LocalTime iso={version.at} /> — {version.note}
                {version.name !== recipe.name && <span className="muted"> (as “{version.name}”)</span>} <Steps steps={version.steps} />
              </li>
            ))}
          </ol>
        </details>
      )}

      {mode === null ? (
        <div className="actions">
          <button type="button" onClick={() => open('edit')} aria-label={`Edit ${recipe.name}`}>
            Edit
          </button>
          {recipe.status === 'candidate' && (
            <button type="button" className="primary" onClick={promote} aria-label={`Promote ${recipe.name}`}>
              Promote
            </button>
          )}
          {recipe.status !== 'deprecated' && (
            <button type="button" onClick={() => open('deprecate')} aria-label={`Deprecate ${recipe.name}`}>
              Deprecate…
            </button>
          )}
        </div>
      ) : (
        <form className="recipe-form" onSubmit={submit} aria-label={mode === 'edit' ? `Edit ${recipe.name}` : `Deprecate ${recipe.name}`}>
          {mode === 'edit' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-edit-name`}>Name</label>
                <input id={`${id}-edit-name`} value={name} onChange={(event) => setName(event.target.value)} autoFocus />
              </div>
              <div className="field">
                <label htmlFor={`${id}-edit-description`}>Description</label>
                <textarea id={`${id}-edit-description`} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-note`}>{mode === 'edit' ? 'What changed (optional)' : 'Why deprecate it'}</label>
            <input id={`${id}-note`} value={note} onChange={(event) => setNote(event.target.value)} autoFocus={mode === 'deprecate'} />
          </div>
          {mode === 'deprecate' && <p className="field-hint">It stays readable, and portfolio rules naming it keep matching; it no longer counts as a shared workflow.</p>}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="submit" className={mode === 'deprecate' ? 'danger' : 'primary'}>
              {mode === 'edit' ? 'Save' : 'Deprecate'}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </article>
  )
}
