import { formatMoney } from '../../../shared/money/format'
import type { Portfolio } from '../../../shared/records/portfolio'
import { routeHref } from '../../navigation/routes'
import { DeleteWithConfirm } from '../../components/DeleteWithConfirm'

interface Props {
  portfolios: Portfolio[]
  onDelete(id: string): void
}

/** The team's portfolios, each with its stage, owner and envelope. */
export function PortfolioList({ portfolios, onDelete }: Props) {
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
            <DeleteWithConfirm subject={portfolio.name} question={<>Delete “{portfolio.name}”?</>} onDelete={() => onDelete(portfolio.id)}>
              <a className="button" href={routeHref('portfolios', portfolio.id, 'definition')} aria-label={`Edit ${portfolio.name}`}>
                Edit
              </a>{' '}
            </DeleteWithConfirm>
          </div>
        </li>
      ))}
    </ul>
  )
}
