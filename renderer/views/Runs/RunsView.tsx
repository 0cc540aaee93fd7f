import { EmptyState } from '../../components/EmptyState'

export function RunsView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Runs</h1>
      </header>
      <EmptyState title="Every agent session, with its cost and steps" action={<a className="button primary" href="#/import">Import session logs</a>}>
        Each imported session appears here: when it ran, the tool, repo and branch, models, tokens, exact cost, the
        steps it took and the portfolio it belongs to.
      </EmptyState>
    </div>
  )
}
