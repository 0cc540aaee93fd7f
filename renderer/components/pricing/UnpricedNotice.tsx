import { unpricedHeadline, type UnpricedSummary } from '../../../shared/pricing/unpricedModels'
import { routeHref } from '../../navigation/routes'
import './UnpricedNotice.css'

/**
 * "N runs on M models have no price": said wherever a total is read (Overview, review stage 1),
 * because those runs cost 0 in it and the total is too low. Nothing when every run is priced.
 */
export function UnpricedNotice({ summary }: { summary: UnpricedSummary }) {
  if (summary.runs === 0) return null
  const models = summary.models.map((entry) => entry.model)
  return (
    <p className="unpriced-summary" role="note" data-testid="unpriced-notice">
      <strong>{unpricedHeadline(summary)}</strong> ({models.slice(0, 3).join(', ')}
      {models.length > 3 ? `, and ${models.length - 3} more` : ''}): their tokens are counted, their cost is not, so totals here are too low.{' '}
      <a href={routeHref('runs')}>See them in Runs</a> (filter “No price”) or <a href={routeHref('settings')}>add prices in Settings</a>.
    </p>
  )
}
