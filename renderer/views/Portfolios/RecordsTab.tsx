import type { Analysis } from '../../../shared/analysis/analyze'
import { runsIn } from '../../../shared/analysis/analyze'
import { dateOfDay } from '../../../shared/analysis/dates'
import { chargeKey } from '../../../shared/analysis/input'
import { containsDay, type Period } from '../../../shared/analysis/periods'
import { formatDecimal } from '../../../shared/money/decimal'
import { CurrencyTotals } from '../../../shared/money/totals'
import type { Charge } from '../../../shared/records/charge'
import { routeHref } from '../../navigation/routes'
import { Amounts, Money } from '../../components/Money'
import { LocalTime, UtcDate } from '../../components/LocalTime'

const LIMIT = 200

/** The portfolio's runs and charges in the period: what its spend is made of. No people, only work. */
export function RecordsTab({ analysis, portfolioId, period }: { analysis: Analysis; portfolioId: string; period: Period }) {
  const runs = runsIn(analysis, portfolioId, period).sort((a, b) => b.start.localeCompare(a.start))
  const chargesByKey = new Map(analysis.input.charges.map((c) => [chargeKey(c), c]))
  // Billed charges one by one; an allocated share may stand for several invoice lines of a provider and month.
  const shares: { key: string; charges: Charge[]; basis: string; amount: string; currency: string; day: string }[] = []
  for (const entry of analysis.spend.entries) {
    if (entry.portfolioId !== portfolioId || entry.basis === 'estimated' || !containsDay(period, entry.day)) continue
    const charges = entry.sources.map((key) => chargesByKey.get(key)).filter((c): c is Charge => !!c)
    if (charges.length === 0) continue
    shares.push({ key: `${entry.basis}:${entry.sources.join('|')}:${entry.day}`, charges, basis: entry.basis, amount: formatDecimal(entry.amount), currency: entry.currency, day: dateOfDay(entry.day) })
  }
  shares.sort((a, b) => b.day.localeCompare(a.day))
  const chargeCount = new Set(shares.flatMap((s) => s.charges.map(chargeKey))).size
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
                    <td>
                      <a href={routeHref('runs', run.id)} aria-label={`Run of ${run.start.slice(0, 16).replace('T', ' ')} UTC in the Runs view`}>
                        <LocalTime iso={run.start} />
                      </a>
                    </td>
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
        <h2 id="charges-heading">Charges ({chargeCount})</h2>
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
                {shares.slice(0, LIMIT).map(({ key, charges, basis, amount, currency, day }) => {
                  const [first] = charges
                  const single = charges.length === 1
                  return (
                    <tr key={key}>
                      <td><UtcDate date={day} /></td>
                      <td>{first.provider}{single && first.model ? ` · ${first.model}` : ''}</td>
                      <td>{single ? [first.account, first.project, first.apiKey].filter(Boolean).join(' / ') || '—' : `${charges.length} invoice lines`}</td>
                      <td>{basis === 'billed' ? 'billed directly (charge rule)' : 'allocated share'}</td>
                      <td className="numeric"><Money amount={amount} currency={currency} /></td>
                      <td className="numeric">{single ? <Money amount={first.cost} currency={first.currency} /> : <Amounts amounts={totalOf(charges)} />}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}


function totalOf(charges: readonly Charge[]) {
  const totals = new CurrencyTotals()
  for (const charge of charges) totals.add(charge.currency, charge.cost)
  return totals.toJSON()
}
