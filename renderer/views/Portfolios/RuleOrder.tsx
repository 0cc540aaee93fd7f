import type { Analysis } from '../../../shared/analysis/analyze'
import { describeRule } from './ruleDraft'
import { plural } from '../../../shared/text/plural'

/** Every rule in the order it is tried (most specific first), and this portfolio's overlaps. */
export function RuleOrder({ analysis, portfolioId }: { analysis: Analysis; portfolioId: string }) {
  const rules = analysis.assignment.rules
  const overlaps = analysis.overlaps.get(portfolioId) ?? []
  const names = new Map(analysis.input.portfolios.map((p) => [p.id, p.name]))
  return (
    <>
      <section aria-labelledby="overlaps-heading" className="page-section">
        <h2 id="overlaps-heading">Overlaps</h2>
        {overlaps.length === 0 ? (
          <p className="muted">No run or charge is matched by this portfolio and another one.</p>
        ) : (
          <ul data-testid="overlaps">
            {overlaps.map((o) => (
              <li key={o.otherPortfolioId}>
                {plural(o.runs, 'run')} and {plural(o.charges, 'charge')} are matched by both this portfolio and “{names.get(o.otherPortfolioId) ?? o.otherPortfolioId}”:
                each is counted once, {o.won} for this portfolio, the rest for the other (the more specific rule wins).
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="order-heading" className="page-section">
        <h2 id="order-heading">Order of all rules</h2>
        <p className="muted">
          A run or charge goes to the first rule below that matches it: more specific rules first, then rules with more
          conditions, then by portfolio and rule id. Records no rule matches stay Unassigned.
        </p>
        {rules.length === 0 ? (
          <p className="muted">No portfolio has rules yet.</p>
        ) : (
          <table className="compact" data-testid="rule-order">
            <thead>
              <tr>
                <th scope="col" className="numeric">#</th>
                <th scope="col">Portfolio</th>
                <th scope="col">Rule</th>
                <th scope="col">Matches</th>
                <th scope="col">Specificity</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((entry) => (
                <tr key={`${entry.portfolioId}-${entry.rule.id}`} className={entry.portfolioId === portfolioId ? 'own-rule' : undefined}>
                  <td className="numeric">{entry.rank + 1}</td>
                  <td>{entry.portfolioName}</td>
                  <td>{entry.rule.id}</td>
                  <td>{describeRule(entry.rule)}</td>
                  <td>{entry.specificityWhy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
