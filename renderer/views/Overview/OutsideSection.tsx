import type { PortfolioReport } from '../../../shared/reports/portfolioReport'
import { routeHref } from '../../navigation/routes'
import { Amounts } from '../../components/Money'

/** Spend that is not coding-agent work, caught by "outside portfolios" rules: shown, never allocated or counted as unassigned. */
export function OutsideSection({ outside }: { outside: PortfolioReport['outside'] }) {
  if (outside.buckets.length === 0) return null
  return (
    <section className="overview-outside" aria-labelledby="overview-outside-title">
      <h2 id="overview-outside-title">Outside portfolios</h2>
      <p className="muted">Not coding-agent work: shown here, never allocated into portfolios nor counted as unassigned.</p>
      <ul>
        {outside.buckets.map((bucket) => (
          <li key={bucket.id}>
            <a href={routeHref('portfolios', bucket.id)}>{bucket.name}</a>: <Amounts amounts={bucket.spend} />
          </li>
        ))}
      </ul>
    </section>
  )
}
