import { routeHref } from '../../navigation/routes'

export const PORTFOLIO_TABS = ['budget', 'rules', 'records', 'outcomes', 'metrics', 'definition', 'history'] as const
export type PortfolioTab = (typeof PORTFOLIO_TABS)[number]

export const TAB_LABELS: Record<PortfolioTab, string> = {
  budget: 'Budget',
  rules: 'Rules',
  records: 'Runs & charges',
  outcomes: 'Outcomes',
  metrics: 'Metrics & health',
  definition: 'Definition',
  history: 'History',
}

export function parseTab(value: string | undefined): PortfolioTab {
  return PORTFOLIO_TABS.includes(value as PortfolioTab) ? (value as PortfolioTab) : 'budget'
}

/** Sections of a portfolio page; each is a link (#/portfolios/<id>/<tab>) so it can be shared and reloaded. */
export function PortfolioTabs({ portfolioId, current }: { portfolioId: string; current: PortfolioTab }) {
  return (
    <nav className="page-tabs" aria-label="Portfolio sections">
      <ul>
        {PORTFOLIO_TABS.map((tab) => (
          <li key={tab}>
            <a href={routeHref('portfolios', portfolioId, tab)} aria-current={tab === current ? 'page' : undefined}>
              {TAB_LABELS[tab]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
