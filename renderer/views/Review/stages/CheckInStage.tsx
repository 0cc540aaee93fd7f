import { useMemo } from 'react'
import { summarizeUnpriced } from '../../../../shared/pricing/unpricedModels'
import { UnpricedNotice } from '../../../components/pricing/UnpricedNotice'
import { routeHref } from '../../../navigation/routes'
import { Amounts } from '../../../components/Money'
import { CoverageList } from '../CoverageList'
import type { StageProps } from './stageProps'
import { plural } from '../../../../shared/text/plural'

/** Stage 1: what data the review stands on: providers and months, reconciliation gaps, unassigned spend. */
export function CheckInStage({ review, data }: StageProps) {
  const { scope, report } = data
  const unpriced = useMemo(() => summarizeUnpriced(scope.runs), [scope.runs])
  const prompt = (
    <p className="review-checkin-prompt" data-testid="checkin-prompt">
      <strong>Check-in:</strong> going round, each of you in one sentence: which workflow changed an outcome for your team this
      quarter, and which one you would stop funding?
    </p>
  )
  if (scope.runs.length === 0 && scope.charges === 0) {
    return (
      <div className="review-empty">
        {prompt}
        <p>
          Nothing is imported for {review.period.replace('-', ' ')} yet. <a href={routeHref('import')}>Import</a> the billing
          exports and the agents' session logs, then come back: every stage fills in from them.
        </p>
      </div>
    )
  }
  return (
    <div className="review-checkin">
      {prompt}
      <UnpricedNotice summary={unpriced} />
      <CoverageList lines={report.coverage} testId="review-coverage" />
      <h3>Billed against log-estimated, per provider and month</h3>
      {scope.reconciliation.length === 0 ? (
        <p className="muted">No provider-month in this period.</p>
      ) : (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">Billed</th>
              <th scope="col" className="numeric">Estimated from logs</th>
              <th scope="col" className="numeric">Gap</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {scope.reconciliation.map((row) => (
              <tr key={`${row.provider}-${row.month}`}>
                <td>{row.provider}</td>
                <td>{row.month}</td>
                <td className="numeric"><Amounts amounts={row.billed} /></td>
                <td className="numeric"><Amounts amounts={row.estimated} /></td>
                <td className="numeric"><Amounts amounts={row.unexplained} /></td>
                <td>{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.unassigned && (
        <p className="review-unassigned">
          <strong>Unassigned:</strong> <Amounts amounts={data.unassigned.spend} empty="nothing" /> over {plural(data.unassigned.runs, 'run')} no portfolio claims.{' '}
          {data.unassigned.runs > 0 && <a href={routeHref('overview')}>See where a rule would place them</a>}
        </p>
      )}
    </div>
  )
}
