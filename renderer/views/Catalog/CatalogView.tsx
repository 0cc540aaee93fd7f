import { EmptyState } from '../../components/EmptyState'
import { routeHref } from '../../navigation/routes'
import { useReviews } from '../../workspace/useReviews'
import { MinedCandidates } from './MinedCandidates'
import { RecipeCard } from './RecipeCard'
import { useCatalogStats } from './useCatalogStats'
import { useRecipes } from '../../workspace/useRecipes'
import './CatalogView.css'

const SECTIONS = [
  { status: 'promoted', title: 'Promoted' },
  { status: 'candidate', title: 'Candidates' },
  { status: 'deprecated', title: 'Deprecated' },
] as const

/**
 * The team's recipes: named multi-step workflows with live statistics over the imported runs,
 * their provenance and version history; new ones come from mining, here or in a review.
 */
export function CatalogView() {
  const recipes = useRecipes()
  const reviews = useReviews()
  const context = useCatalogStats(recipes)

  return (
    <div className="view catalog">
      <header className="view-header">
        <h1>Catalog</h1>
        {recipes.length > 0 && (
          <p className="muted catalog-count">
            {recipes.filter((r) => r.status === 'promoted').length} promoted · {recipes.length} in all
          </p>
        )}
      </header>
      {recipes.length === 0 ? (
        <EmptyState
          title="Recipes your team reuses"
          action={context.runs.length === 0 ? <a className="button primary" href={routeHref('import')}>Import session logs</a> : undefined}
        >
          Multi-step workflows mined from the session logs — like “logs, read, edit, test, doc” — that the team promoted in
          a review, with their cost per run and how often they are followed.
        </EmptyState>
      ) : (
        SECTIONS.map(({ status, title }) => {
          const shown = recipes.filter((recipe) => recipe.status === status)
          if (shown.length === 0) return null
          return (
            <section key={status} className="catalog-section" aria-label={title}>
              <h2 className="catalog-section-title">
                {title} <span className="muted">({shown.length})</span>
              </h2>
              <div className="catalog-grid">
                {shown.map((recipe) => (
                  <RecipeCard key={recipe.id} recipe={recipe} stats={context.stats.get(recipe.id)} portfolioNames={context.portfolioNames} reviews={reviews} />
                ))}
              </div>
            </section>
          )
        })
      )}
      {context.runs.length > 0 && <MinedCandidates context={context} recipes={recipes} />}
    </div>
  )
}
