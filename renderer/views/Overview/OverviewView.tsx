import { EmptyState } from '../../components/EmptyState'
import { UnpricedNotice } from '../../components/pricing/UnpricedNotice'
import { AllocationNotes } from './AllocationNotes'
import { useTodaysDefinitions } from '../../workspace/definitionsChoice'
import { LintBadges } from '../../components/portfolio/LintBadges'
import { OutsideSection } from './OutsideSection'
import { PeriodPicker } from '../../components/PeriodPicker'
import { useChosenPeriodKey } from '../../workspace/periodChoice'
import { PortfolioCard } from '../../components/portfolio/PortfolioCard'
import { useAnalysisAnswer } from '../../workspace/analysis/useAnalysisAnswer'
import { ReconciliationTable } from './ReconciliationTable'
import { SpendHeadline } from './SpendHeadline'
import { UnassignedSection } from './UnassignedSection'
import './OverviewView.css'

/**
 * One card per portfolio for the period, what is still Unassigned, and the reconciliation gap.
 * The numbers come from the same function as `cli report`, so both always agree; they are
 * computed in the analysis worker, so a million charges never stall the window.
 */
export function OverviewView() {
  const periodKey = useChosenPeriodKey()
  const todaysDefinitions = useTodaysDefinitions()
  const { answer: overview, error, updating } = useAnalysisAnswer({ type: 'overview', request: { periodKey, todaysDefinitions } })
  if (!overview) {
    return (
      <div className="view overview" aria-busy={!error}>
        <header className="view-header">
          <h1>Overview</h1>
        </header>
        <p className={error ? 'field-error' : 'muted'} role="status">
          {error ? `The Overview could not be computed: ${error}` : 'Reading the workspace…'}
        </p>
      </div>
    )
  }
  const { choice, report, summaries, hasData } = overview
  const { period } = choice

  return (
    <div className="view overview" aria-busy={updating}>
      <header className="view-header">
        <h1>Overview</h1>
        {(hasData || summaries.length > 0) && <PeriodPicker options={overview.periodOptions} choice={choice} />}
      </header>
      {!hasData && (
        <EmptyState title="Spend by workflow portfolio" action={<a className="button primary" href="#/import">Import data</a>}>
          One card per portfolio: spend against its envelope, the trend, its stage and health checks, plus what is still
          unassigned and the gap between billed and log-estimated spend. Import a billing export and your agents' session
          logs to fill it.
        </EmptyState>
      )}
      {hasData && <SpendHeadline headline={overview.headline} periodKey={period.key} />}
      {hasData && <UnpricedNotice summary={report.unpriced} />}
      {hasData && summaries.length === 0 && (
        <p className="overview-hint" role="note">
          No portfolios yet: everything below is Unassigned. <a href="#/portfolios/new">Create a portfolio</a> and give it
          rules to see spend by workflow.
        </p>
      )}
      {report.workspaceLints.length > 0 && (
        <div className="overview-hint" role="note">
          <LintBadges lints={report.workspaceLints} />
        </div>
      )}
      {summaries.length > 0 && (
        <section aria-label={`Portfolios in ${period.key}`} className="card-grid">
          {summaries.map((summary) => (
            <PortfolioCard key={summary.portfolio.id} summary={summary} />
          ))}
        </section>
      )}
      {hasData && (
        <>
          <UnassignedSection unassigned={report.unassigned} groups={overview.unassignedGroups} period={period} hasPortfolios={summaries.length > 0} />
          <OutsideSection outside={report.outside} />
          <AllocationNotes allocations={report.allocations} />
          <ReconciliationTable rows={report.reconciliation} />
        </>
      )}
    </div>
  )
}
