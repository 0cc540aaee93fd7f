import { EmptyState } from '../../components/EmptyState'

export function CatalogView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Catalog</h1>
      </header>
      <EmptyState title="Recipes your team reuses">
        Multi-step workflows mined from the session logs — like “logs, read, edit, test, doc” — that the team promoted in
        a review, with their cost per run and how often they are followed.
      </EmptyState>
    </div>
  )
}
