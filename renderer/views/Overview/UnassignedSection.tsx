import type { Period } from '../../../shared/analysis/periods'
import type { PortfolioReport } from '../../../shared/reports/portfolioReport'
import { Amounts, Money } from '../../components/Money'
import type { UnassignedGroup } from '../../workspace/analysis/unassignedGroups'
import { formatCount, noun, plural } from '../../../shared/text/plural'

/** What no rule matched in the period, with its total, and where a rule would place the most. */
export function UnassignedSection({ unassigned, groups, period, hasPortfolios }: { unassigned: PortfolioReport['unassigned']; groups: UnassignedGroup[]; period: Period; hasPortfolios: boolean }) {
  return (
    <section className="overview-section unassigned" aria-labelledby="unassigned-heading" data-testid="unassigned">
      <h2 id="unassigned-heading">Unassigned</h2>
      <p>
        <strong data-testid="unassigned-spend">
          <Amounts amounts={unassigned.spend} empty="Nothing" />
        </strong>{' '}
        from <span data-testid="unassigned-runs">{formatCount(unassigned.runs)}</span> {noun(unassigned.runs, 'run')} and{' '}
        <span data-testid="unassigned-charges">{formatCount(unassigned.charges)}</span> {noun(unassigned.charges, 'charge')} that no rule matched in {period.key}.
      </p>
      {groups.length > 0 && (
        <>
          <p className="muted unassigned-hint">{hasPortfolios ? 'Add or widen a rule on a portfolio page to place them. ' : ''}Largest unassigned groups of runs:</p>
          <ul className="unassigned-groups" data-testid="unassigned-groups">
            {groups.map((g) => (
              <li key={g.repo}>
                <code>{g.repo}</code> · {plural(g.runs, 'run')} · <Money amount={g.estimatedUSD} currency="USD" /> estimated
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
