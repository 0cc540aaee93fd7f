import { useState } from 'react'
import { formatMoney } from '../../../shared/money/format'
import type { Portfolio } from '../../../shared/records/portfolio'
import { routeHref } from '../../navigation/routes'

interface Props {
  portfolios: Portfolio[]
  onDelete(id: string): void
}

/** The team's portfolios, each with its stage, owner and envelope. */
export function PortfolioList({ portfolios, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <ul className="portfolio-list" aria-label="Portfolios">
      {portfolios.map((portfolio) => (
        <li key={portfolio.id} className="portfolio-item" data-testid="portfolio-item">
          <div className="portfolio-main">
            <a className="portfolio-name" href={routeHref('portfolios', portfolio.id)}>
              {portfolio.name}
            </a>
            <span className={`badge status-${portfolio.status}`}>{portfolio.status}</span>
            {portfolio.description && <p className="portfolio-description">{portfolio.description}</p>}
            <p className="portfolio-meta">
              {portfolio.owningTeam || 'No owning team yet'} ·{' '}
              <span data-testid="portfolio-envelope">
                {formatMoney(portfolio.envelope.amount, portfolio.envelope.currency)} per {portfolio.envelope.period}
              </span>
              {portfolio.outcomeTags.length > 0 && (
                <>
                  {' · '}
                  {portfolio.outcomeTags.map((tag) => (
                    <span key={tag} className="chip">
                      {tag}
                    </span>
                  ))}
                </>
              )}
            </p>
          </div>
          <div className="portfolio-actions">
            {confirming === portfolio.id ? (
              <span role="group" aria-label={`Confirm deleting ${portfolio.name}`}>
                Delete “{portfolio.name}”?{' '}
                <button
                  type="button"
                  className="danger"
                  autoFocus
                  onClick={() => {
                    setConfirming(null)
                    onDelete(portfolio.id)
                  }}
                >
                  Delete
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <>
                <a className="button" href={routeHref('portfolios', portfolio.id, 'definition')} aria-label={`Edit ${portfolio.name}`}>
                  Edit
                </a>{' '}
                <button type="button" onClick={() => setConfirming(portfolio.id)} aria-label={`Delete ${portfolio.name}`}>
                  Delete
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}
