import { useCallback, useState } from 'react'
import type { Portfolio } from '../../../shared/records/portfolio'
import { createPortfolio } from '../../../shared/workspace/portfolioHistory'
import { EmptyState } from '../../components/EmptyState'
import { Notice } from '../../components/Notice'
import { navigate } from '../../navigation/useRoute'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'
import { PortfolioCodeActions } from './PortfolioCodeActions'
import { emptyPortfolioForm, portfolioFromForm, type PortfolioFormValues } from './portfolioForm'
import { PortfolioPage } from './PortfolioPage'
import { parseTab } from './PortfolioTabs'
import { PortfolioEditor } from './PortfolioEditor'
import { PortfolioList } from './PortfolioList'
import { participantId } from '../../collaboration/participant'

function newPortfolioId(): string {
  return 'pf-' + crypto.randomUUID()
}

/** List, create, edit and delete the team's workflow portfolios. */
export function PortfoliosView({ params }: { params: string[] }) {
  const { governance } = useWorkspace()
  const portfolios = useObserved(
    useCallback((onChange) => governance.portfolios.observe(onChange), [governance]),
    () => governance.portfolios.list().records.sort((a, b) => a.name.localeCompare(b.name)),
    [governance],
  )
  const currency = governance.settings.read().settings.currency
  const [selected] = params
  // The last deleted portfolio, as it was, so Undo puts back exactly that (even after other edits).
  const [deleted, setDeleted] = useState<Portfolio | null>(null)
  const remove = (id: string) => {
    setDeleted(governance.portfolios.get(id) ?? null)
    governance.portfolios.delete(id)
  }
  const restore = () => {
    if (deleted && !governance.portfolios.get(deleted.id)) governance.portfolios.put(deleted)
    setDeleted(null)
  }

  const create = (values: PortfolioFormValues) => {
    const now = new Date().toISOString()
    // A new portfolio reads every period (its rules apply to all data); later changes are dated.
    const record = portfolioFromForm(values, { id: newPortfolioId() }, now)
    createPortfolio(governance, record, { by: participantId(), at: now, effectiveFrom: null })
    // A new portfolio claims nothing until it has a rule: land there, ready to add the first one.
    navigate('portfolios', record.id, 'rules')
  }

  if (selected === 'new') {
    return (
      <PortfolioEditor
        title="New portfolio"
        submitLabel="Create portfolio"
        initial={emptyPortfolioForm(currency)}
        onSubmit={create}
        onCancel={() => navigate('portfolios')}
      />
    )
  }

  if (selected) {
    const portfolio = portfolios.find((p) => p.id === selected)
    if (!portfolio) {
      return (
        <EmptyState title="Portfolio not found" action={<a className="button" href="#/portfolios">Back to portfolios</a>}>
          It may have been deleted by a teammate.
        </EmptyState>
      )
    }
    return <PortfolioPage portfolio={portfolio} tab={parseTab(params[1])} />
  }

  return (
    <div className="view">
      <header className="view-header">
        <h1>Portfolios</h1>
        <div className="actions inline">
          <a className="button primary" href="#/portfolios/new">
            New portfolio
          </a>
        </div>
      </header>
      <PortfolioCodeActions />
      <div aria-live="polite">
        {deleted && (
          <Notice
            tone="info"
            testId="portfolio-deleted"
            onDismiss={() => setDeleted(null)}
            action={
              <button type="button" onClick={restore}>
                Undo
              </button>
            }
          >
            Deleted “{deleted.name}”.
          </Notice>
        )}
      </div>
      {portfolios.length === 0 ? (
        <EmptyState title="No portfolios yet">
          A portfolio is a small, named workflow — “refactor + tests”, “incident triage + postmortem” — with a shared
          envelope for the quarter and the outcome it should move. Create the first one to start budgeting by workflow
          instead of by person.
        </EmptyState>
      ) : (
        <PortfolioList portfolios={portfolios} onDelete={remove} />
      )}
    </div>
  )
}
