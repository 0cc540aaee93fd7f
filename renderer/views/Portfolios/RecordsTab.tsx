import type { Analysis } from '../../../shared/analysis/analyze'
import { runsIn } from '../../../shared/analysis/analyze'
import { chargeKey } from '../../../shared/analysis/input'
import { containsDay, type Period } from '../../../shared/analysis/periods'
import { formatDecimal } from '../../../shared/money/decimal'
import type { Charge } from '../../../shared/records/charge'
import { LocalTime, Money, UtcDate } from '../Overview/money'

const LIMIT = 200

/** The portfolio's runs and charges in the period: what its spend is made of. No people, only work. */
export function RecordsTab({ analysis, portfolioId, period }: { analysis: Analysis; portfolioId: string; period: Period }) {
  const runs = runsIn(analysis, portfolioId, period).sort((a, b) => b.start.localeCompare(a.start))
  const chargesByKey = new Map(analysis.input.charges.map((c) => [chargeKey(c), c]))
  const shares: { charge: Charge; basis: string; amount: string }[] = []
  for (const entry of analysis.spend.entries) {
    if (entry.portfolioId !== portfolioId || entry.basis === 'estimated' || !containsDay(period, entry.day)) continue
    const charge = chargesByKey.get(entry.source)
    if (charge) shares.push({ charge, basis: entry.basis, amount: formatDecimal(entry.amount) })
  }
  shares.sort((a, b) => b.charge.start.localeCompare(a.charge.start))
  return (
    <div className="records-tab">
      <section className="page-section" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs ({runs.length})</h2>
        {runs.length === 0 ? (
          <p className="muted">No run of this portfolio started in {period.key}. Check its rules, or import session logs.</p>
        ) : (
          <div className="table-scroll">
            <table className="compact" data-testid="portfolio-runs">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Tool</th>
                  <th scope="col">Repo · branch</th>
                  <th scope="col">Models</th>
                  <th scope="col">Steps</th>
                  <th scope="col" className="numeric">Estimated</th>
                  <th scope="col">Why here</th>
                </tr>
              </thead>
              <tbody>
                {runs.slice(0, LIMIT).map((run) => (
                  <tr key={run.id}>
                    <td><LocalTime iso={run.start} /></td>
                    <td>{run.tool}</td>
                    <td>{run.repo ?? '—'}{run.branch ? ` · ${run.branch}` : ''}</td>
                    <td>{run.models.join(', ')}</td>
                    <td className="steps">{run.steps.join(' → ') || '—'}</td>
                    <td className="numeric"><Money amount={run.costUSD} currency="USD" /></td>
                    <td className="why">{analysis.assignment.runs.get(run.id)?.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {runs.length > LIMIT && <p className="muted">Showing the latest {LIMIT}.</p>}
      </section>
      <section className="page-section" aria-labelledby="charges-heading">
        <h2 id="charges-heading">Charges ({shares.length})</h2>
        {shares.length === 0 ? (
          <p className="muted">No billed or allocated charge in {period.key}.</p>
        ) : (
          <div className="table-scroll">
            <table className="compact" data-testid="portfolio-charges">
              <thead>
                <tr>
                  <th scope="col">Date (UTC)</th>
                  <th scope="col">Provider · model</th>
                  <th scope="col">Account / project / key</th>
                  <th scope="col">How</th>
                  <th scope="col" className="numeric">This portfolio</th>
                  <th scope="col" className="numeric">Charge</th>
                </tr>
              </thead>
              <tbody>
                {shares.slice(0, LIMIT).map(({ charge, basis, amount }) => (
                  <tr key={chargeKey(charge)}>
                    <td><UtcDate date={charge.start.slice(0, 10)} /></td>
                    <td>{charge.provider}{charge.model ? ` · ${charge.model}` : ''}</td>
                    <td>{[charge.account, charge.project, charge.apiKey].filter(Boolean).join(' / ') || '—'}</td>
                    <td>{basis === 'billed' ? 'billed directly (charge rule)' : 'allocated share'}</td>
                    <td className="numeric"><Money amount={amount} currency={charge.currency} /></td>
                    <td className="numeric"><Money amount={charge.cost} currency={charge.currency} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

