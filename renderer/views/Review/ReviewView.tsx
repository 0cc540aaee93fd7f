import { EmptyState } from '../../components/EmptyState'

export function ReviewView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Review</h1>
      </header>
      <EmptyState title="The guided quarterly review">
        Walk the portfolios together: data coverage, scorecards, high-cost runs and their outcome notes, recipe
        candidates, and the decisions for next quarter, ending in a report you can export.
      </EmptyState>
    </div>
  )
}
