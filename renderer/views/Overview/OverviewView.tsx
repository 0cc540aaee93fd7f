import { useMemo } from 'react'
import { summarizePortfolio } from '../../../shared/analysis/analyze'
import { analysisForPeriod } from '../../../shared/analysis/definitionsInForce'
import { reportFromAnalysis } from '../../../shared/reports/portfolioReport'
import { spendHeadline } from '../../../shared/reports/spendHeadline'
import { EmptyState } from '../../components/EmptyState'
import { UnpricedNotice } from '../../components/pricing/UnpricedNotice'
import { useAnalysis } from '../../workspace/useAnalysis'
import { AllocationNotes } from './AllocationNotes'
import { useTodaysDefinitions } from '../../workspace/definitionsChoice'
import { LintBadges } from '../../components/portfolio/LintBadges'
import { OutsideSection } from './OutsideSection'
import { PeriodPicker } from '../../components/PeriodPicker'
import { usePeriodChoice } from '../../workspace/periodChoice'
import { PortfolioCard } from '../../components/portfolio/PortfolioCard'
import { ReconciliationTable } from './ReconciliationTable'
import { SpendHeadline } from './SpendHeadline'
import { UnassignedSection } from './UnassignedSection'
import './OverviewView.css'

/**
 * One card per portfolio for the period, what is still Unassigned, and the reconciliation gap.
 * The numbers come from the same function as `cli report`, so both always agree.
 */
export function OverviewView() {
  const today = useAnalysis()
  const choice = usePeriodChoice(today.input)
  const { period, source } = choice
  const todaysDefinitions = useTodaysDefinitions()
  // A past period is shown with the portfolios as they were defined then, unless asked otherwise.
  const analysis = useMemo(() => analysisForPeriod(today, period, { todaysDefinitions }), [today, period, todaysDefinitions])
  const report = useMemo(() => reportFromAnalysis(analysis, period, source), [analysis, period, source])
  const summaries = useMemo(
    () => analysis.input.portfolios.filter((p) => !p.outside).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map((p) => summarizePortfolio(analysis, p, period)),
    [analysis, period],
  )
  const hasData = analysis.input.runs.length > 0 || analysis.input.charges.length > 0

  return (
    <div className="view overview">
      <header className="view-header">
        <h1>Overview</h1>
        {(hasData || summaries.length > 0) && <PeriodPicker input={analysis.input} choice={choice} />}
      </header>
      {!hasData && (
        <EmptyState title="Spend by workflow portfolio" action={<a className="button primary" href="#/import">Import data</a>}>
          One card per portfolio: spend against its envelope, the trend, its stage and health checks, plus what is still
          unassigned and the gap between billed and log-estimated spend. Import a billing export and your agents' session
          logs to fill it.
        </EmptyState>
      )}
      {hasData && <SpendHeadline headline={spendHeadline(report)} periodKey={period.key} />}
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
          <UnassignedSection unassigned={report.unassigned} analysis={analysis} period={period} hasPortfolios={summaries.length > 0} />
          <OutsideSection outside={report.outside} />
          <AllocationNotes allocations={report.allocations} />
          <ReconciliationTable rows={report.reconciliation} />
        </>
      )}
    </div>
  )
}
