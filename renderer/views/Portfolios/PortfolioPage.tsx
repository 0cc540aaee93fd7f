import { useMemo } from 'react'
import { summarizePortfolio } from '../../../shared/analysis/analyze'
import type { Portfolio } from '../../../shared/records/portfolio'
import { useReportEditing } from '../../collaboration/CollaborationContext'
import { navigate } from '../../navigation/useRoute'
import { useAnalysis } from '../../workspace/useAnalysis'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { BudgetBadges } from '../Overview/BudgetBadges'
import { LintBadges } from '../Overview/LintBadges'
import { PeriodPicker } from '../Overview/PeriodPicker'
import { usePeriodChoice } from '../Overview/periodChoice'
import { BudgetTab } from './BudgetTab'
import { MetricsTab } from './MetricsTab'
import { PortfolioEditor } from './PortfolioEditor'
import { formFromPortfolio, portfolioPatchFromForm } from './portfolioForm'
import { PortfolioTabs, TAB_LABELS, type PortfolioTab } from './PortfolioTabs'
import { RecordsTab } from './RecordsTab'
import { RulesTab } from './RulesTab'
import './PortfolioPage.css'

/** One portfolio: its budget, rules with preview, runs and charges, metrics and health, definition. */
export function PortfolioPage({ portfolio, tab }: { portfolio: Portfolio; tab: PortfolioTab }) {
  const { governance } = useWorkspace()
  const analysis = useAnalysis()
  const choice = usePeriodChoice(analysis.input)
  const { period } = choice
  useReportEditing(tab === 'definition' ? portfolio.name : undefined)
  // The analysis holds the stored portfolio; while a teammate's edit is in flight, the prop may be newer.
  const summary = useMemo(() => summarizePortfolio(analysis, analysis.input.portfolios.find((p) => p.id === portfolio.id) ?? portfolio, period), [analysis, portfolio, period])

  return (
    <div className="view portfolio-page">
      <p className="breadcrumb">
        <a href="#/portfolios">Portfolios</a> /
      </p>
      <header className="view-header page-header">
        <div>
          <h1>{portfolio.name}</h1>
          <div className="page-meta">
            <span className={`badge status-${portfolio.status}`}>{portfolio.status}</span> {portfolio.owningTeam || 'No owning team yet'}
            {portfolio.outcomeTags.map((tag) => (
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
          {portfolio.description && <p className="page-description">{portfolio.description}</p>}
        </div>
        {tab !== 'definition' && tab !== 'rules' && <PeriodPicker input={analysis.input} choice={choice} />}
      </header>
      <PortfolioTabs portfolioId={portfolio.id} current={tab} />
      <section className="tab-panel" aria-label={TAB_LABELS[tab]}>
        {tab === 'budget' && <BudgetTab summary={summary} period={period} analysis={analysis} />}
        {tab === 'rules' && <RulesTab portfolio={portfolio} analysis={analysis} />}
        {tab === 'records' && <RecordsTab analysis={analysis} portfolioId={portfolio.id} period={period} />}
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
              if (Object.keys(patch).length > 0) governance.portfolios.update(portfolio.id, patch)
              navigate('portfolios')
            }}
            onCancel={() => navigate('portfolios', portfolio.id)}
          />
        )}
      </section>
    </div>
  )
}
