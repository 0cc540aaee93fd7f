import { useMemo } from 'react'
import { summarizePortfolio } from '../../../shared/analysis/analyze'
import { analysisForPeriod } from '../../../shared/analysis/definitionsInForce'
import type { Portfolio } from '../../../shared/records/portfolio'
import { routeHref } from '../../navigation/routes'
import { useReportEditing } from '../../collaboration/CollaborationContext'
import { navigate } from '../../navigation/useRoute'
import { useAnalysis } from '../../workspace/useAnalysis'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { BudgetBadges } from '../../components/portfolio/BudgetBadges'
import { LintBadges } from '../../components/portfolio/LintBadges'
import { useTodaysDefinitions } from '../../workspace/definitionsChoice'
import { PeriodPicker } from '../../components/PeriodPicker'
import { periodOptions, usePeriodChoice } from '../../workspace/periodChoice'
import { BudgetTab } from './BudgetTab'
import { MetricsTab } from './MetricsTab'
import { OutcomesTab } from './OutcomesTab'
import { PortfolioEditor } from './PortfolioEditor'
import { HistoryTab } from './HistoryTab'
import { formFromPortfolio, portfolioPatchFromForm } from './portfolioForm'
import { PortfolioTabs, TAB_LABELS, type PortfolioTab } from './PortfolioTabs'
import { RecordsTab } from './RecordsTab'
import { RulesTab } from './RulesTab'
import { useDefinitionChange } from './useDefinitionChange'
import './PortfolioPage.css'

/** One portfolio: its budget, rules with preview, runs and charges, outcomes, metrics and health, definition and history. */
export function PortfolioPage({ portfolio, tab }: { portfolio: Portfolio; tab: PortfolioTab }) {
  const { governance } = useWorkspace()
  const definitionChange = useDefinitionChange(portfolio.id)
  const today = useAnalysis()
  const choice = usePeriodChoice(today.input)
  const { period } = choice
  const todaysDefinitions = useTodaysDefinitions()
  // The budget, records and metrics of a past period read the portfolio as it was defined then.
  const analysis = useMemo(() => analysisForPeriod(today, period, { todaysDefinitions }), [today, period, todaysDefinitions])
  const defined = analysis.input.portfolios.find((p) => p.id === portfolio.id)
  useReportEditing(tab === 'definition' ? portfolio.name : undefined)
  // The analysis holds the stored portfolio; while a teammate's edit is in flight, the prop may be newer.
  const summary = useMemo(() => summarizePortfolio(analysis, defined ?? portfolio, period), [analysis, defined, portfolio, period])
  // Editing and history are about today's definition; the other tabs read the chosen period.
  const showsToday = tab === 'definition' || tab === 'rules' || tab === 'history'
  const shown = showsToday ? portfolio : summary.portfolio
  const definedDifferently = !showsToday && JSON.stringify(shown) !== JSON.stringify(portfolio)

  return (
    <div className="view portfolio-page">
      <p className="breadcrumb">
        <a href="#/portfolios">Portfolios</a> /
      </p>
      <header className="view-header page-header">
        <div>
          <h1>{shown.name}</h1>
          <div className="page-meta">
            <span className={`badge status-${shown.status}`}>{shown.status}</span> {shown.owningTeam || 'No owning team yet'}
            {shown.outcomeTags.map((tag) => (
              <span key={tag} className="chip">
                {tag}
              </span>
            ))}
            <BudgetBadges items={summary.budget.reviewItems} />
          </div>
          {summary.lints.length > 0 && (
            <div className="page-lints">
              <LintBadges lints={summary.lints} />
            </div>
          )}
          {shown.description && <p className="page-description">{shown.description}</p>}
          {!defined && !showsToday && <p className="page-note" role="note">This portfolio did not exist yet in {period.key}; it starts later.</p>}
          {definedDifferently && (
            <p className="page-note" role="note">
              Shown as defined in {period.key}; it has changed since (<a href={routeHref('portfolios', portfolio.id, 'history')}>history</a>).
            </p>
          )}
        </div>
        {!showsToday && <PeriodPicker options={periodOptions(today.input, choice.period)} choice={choice} />}
      </header>
      <PortfolioTabs portfolioId={portfolio.id} current={tab} />
      <section className="tab-panel" aria-label={TAB_LABELS[tab]}>
        {tab === 'budget' && <BudgetTab summary={summary} period={period} analysis={analysis} />}
        {tab === 'rules' && <RulesTab portfolio={portfolio} analysis={today} />}
        {tab === 'history' && <HistoryTab portfolioId={portfolio.id} />}
        {tab === 'records' && <RecordsTab analysis={analysis} portfolioId={portfolio.id} period={period} />}
        {tab === 'outcomes' && <OutcomesTab summary={summary} analysis={analysis} period={period} />}
        {tab === 'metrics' && <MetricsTab summary={summary} />}
        {tab === 'definition' && (
          <PortfolioEditor
            key={portfolio.id}
            title={`Edit ${portfolio.name}`}
            submitLabel="Save changes"
            initial={formFromPortfolio(portfolio)}
            saved={formFromPortfolio(portfolio)}
            onSubmit={(values, opened) => {
              // Write only what this person changed: a teammate's concurrent edits of other fields stay.
              const current = governance.portfolios.get(portfolio.id) ?? portfolio
              const patch = portfolioPatchFromForm(opened, values, current, new Date().toISOString())
              definitionChange.propose(patch, () => navigate('portfolios'))
            }}
            effectiveFrom={definitionChange.controls}
            onCancel={() => navigate('portfolios', portfolio.id)}
          />
        )}
      </section>
    </div>
  )
}
