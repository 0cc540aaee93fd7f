import { useMemo } from 'react'
import { runsIn, type Analysis, type PortfolioPeriodSummary } from '../../../shared/analysis/analyze'
import type { Period } from '../../../shared/analysis/periods'
import type { Run } from '../../../shared/records/run'
import { routeHref } from '../../navigation/routes'
import { useWorkspace } from '../../workspace/WorkspaceContext'
import { OutcomeFigureList } from '../../components/portfolio/OutcomeFigures'
import { Money } from '../../components/Money'
import { LocalTime } from '../../components/LocalTime'
import { AddOutcomeLink } from './AddOutcomeLink'
import { removeLink, restoreLink } from './outcomeEdits'
import { outcomeRows, type LinkedRun, type OutcomeRow } from './outcomeRows'

/**
 * What the portfolio's runs of the period delivered: the roll-up beside last period's, then
 * every linked pull request and incident with the runs that link to it and why. A wrong link
 * can be removed and a missing one added; those corrections sync with the team.
 */
export function OutcomesTab({ summary, analysis, period }: { summary: PortfolioPeriodSummary; analysis: Analysis; period: Period }) {
  const { governance } = useWorkspace()
  const runs = useMemo(() => runsIn(analysis, summary.portfolio.id, period), [analysis, summary.portfolio.id, period])
  const links = analysis.outcomeLinks
  const { rows, removed } = useMemo(() => (links ? outcomeRows(runs, links) : { rows: [], removed: [] }), [runs, links])
  if (!summary.outcomes || !links) return <p>Outcomes are not read in this view.</p>
  const pulls = rows.filter((row) => row.kind === 'pullRequest')
  const incidents = rows.filter((row) => row.kind === 'incident')

  return (
    <div className="outcomes-tab">
      <section className="page-section" aria-labelledby="outcome-figures-heading">
        <h2 id="outcome-figures-heading">Outcomes in {period.key}</h2>
        <OutcomeFigureList outcomes={summary.outcomes} />
        <p className="muted small">Costs are the linked runs&apos; estimated cost. Authors and responders are never shown: only counts.</p>
      </section>
      <OutcomeTable title="Pull requests" rows={pulls} empty="No run of this period links to a pull request. Import your PR exports (Import view, or `cli outcomes import`)." onRemove={(linked) => removeLink(governance, linked.link)} />
      <OutcomeTable title="Incidents" rows={incidents} empty="No run of this period links to an incident." onRemove={(linked) => removeLink(governance, linked.link)} />
      {removed.length > 0 && (
        <section className="page-section" aria-labelledby="removed-links-heading">
          <h2 id="removed-links-heading">Links people removed</h2>
          <ul className="removed-links">
            {removed.map((linked) => (
              <li key={`${linked.run.id}-${linked.link.outcomeId}`}>
                <RunLink run={linked.run} /> → {linked.link.outcomeId}: {linked.link.reason}{' '}
                <button type="button" onClick={() => restoreLink(governance, linked.link)}>
                  Put back
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <AddOutcomeLink runs={runs} links={links} />
    </div>
  )
}

function OutcomeTable({ title, rows, empty, onRemove }: { title: string; rows: OutcomeRow[]; empty: string; onRemove: (linked: LinkedRun) => void }) {
  const headingId = `${title.replace(/\s+/g, '-').toLowerCase()}-heading`
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="compact outcome-table">
          <thead>
            <tr>
              <th scope="col">{title === 'Incidents' ? 'Incident' : 'Pull request'}</th>
              <th scope="col">State</th>
              <th scope="col">Opened</th>
              <th scope="col" className="numeric">Linked runs&apos; cost</th>
              <th scope="col">Linked runs and why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.outcome.id}>
                <td>
                  <OutcomeName row={row} />
                </td>
                <td>{row.kind === 'pullRequest' ? `${row.outcome.state}${row.outcome.byBot ? ' (bot)' : ''}` : (row.outcome.status ?? '—')}</td>
                <td>
                  <LocalTime iso={row.outcome.createdAt} />
                </td>
                <td className="numeric">
                  <Money amount={row.costUSD} currency="USD" />
                </td>
                <td className="why">
                  <ul className="link-reasons">
                    {row.runs.map((linked) => (
                      <li key={linked.run.id}>
                        <RunLink run={linked.run} />
                        {linked.link.strength === 'weak' && <span className="chip">weak</span>} {linked.link.reason}{' '}
                        <button type="button" className="link-remove" onClick={() => onRemove(linked)} aria-label={`Remove the link from run ${linked.run.id} to ${row.outcome.id}`}>
                          Remove
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** A run by when it started and its tool (ids differ only in their tails), linking to its page. */
function RunLink({ run }: { run: Run }) {
  return (
    <>
      <a href={routeHref('runs', run.id)} title={run.id}>
        <LocalTime iso={run.start} />
      </a>{' '}
      {run.tool}
    </>
  )
}

function OutcomeName({ row }: { row: OutcomeRow }) {
  if (row.kind === 'pullRequest') {
    const pull = row.outcome
    return (
      <>
        <a href={pull.url} target="_blank" rel="noreferrer">
          {pull.repo} #{pull.number}
        </a>{' '}
        {pull.title}
        <div className="muted small">{pull.headBranch}</div>
      </>
    )
  }
  const incident = row.outcome
  return (
    <>
      {incident.url ? (
        <a href={incident.url} target="_blank" rel="noreferrer">
          {incident.names[0]}
        </a>
      ) : (
        incident.names[0]
      )}{' '}
      {incident.title}
      <div className="muted small">{[incident.service, incident.severity].filter(Boolean).join(' · ')}</div>
    </>
  )
}
