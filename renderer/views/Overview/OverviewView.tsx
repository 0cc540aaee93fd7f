import { EmptyState } from '../../components/EmptyState'

export function OverviewView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Overview</h1>
      </header>
      <EmptyState title="Spend by workflow portfolio" action={<a className="button primary" href="#/import">Import data</a>}>
        One card per portfolio: spend against its envelope, the trend, its stage and health checks, plus what is still
        unassigned and the gap between billed and log-estimated spend. Import a billing export and your agents' session
        logs to fill it.
      </EmptyState>
    </div>
  )
}
