import type { PortfolioReport } from '../../../shared/reports/portfolioReport'
import { Amounts } from '../../components/Money'

/** Billed (charges) against log-estimated (runs) spend per provider and month; currencies never mixed. */
export function ReconciliationTable({ rows }: { rows: PortfolioReport['reconciliation'] }) {
  return (
    <section className="overview-section" aria-labelledby="reconciliation-heading">
      <h2 id="reconciliation-heading">Reconciliation gap</h2>
      {rows.length === 0 ? (
        <p className="muted">No billing or runs in this period.</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="reconciliation">
            <caption className="visually-hidden">Billed against log-estimated spend, per provider and month</caption>
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Month</th>
                <th scope="col" className="numeric">Billed</th>
                <th scope="col" className="numeric">Log-estimated</th>
                <th scope="col" className="numeric">Matched</th>
                <th scope="col" className="numeric">Gap (billed − estimated)</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.provider}-${row.month}`} data-testid="reconciliation-row">
                  <th scope="row">{row.provider}</th>
                  <td className="month">{row.month}</td>
                  <td className="numeric" data-testid="rec-billed"><Amounts amounts={row.billed} /></td>
                  <td className="numeric" data-testid="rec-estimated"><Amounts amounts={row.estimated} /></td>
                  <td className="numeric"><Amounts amounts={row.matched} /></td>
                  <td className="numeric" data-testid="rec-gap"><Amounts amounts={row.unexplained} /></td>
                  <td className="note">{row.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
