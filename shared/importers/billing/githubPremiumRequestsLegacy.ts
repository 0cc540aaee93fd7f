import { cell } from '../csv/header'
import { multiplyDecimal, parseDecimal, formatDecimal } from '../../money/decimal'
import type { BillingFormat } from './format'
import { count, instantReader, newCharge, orNull } from './rows'

/** Premium requests beyond the monthly quota were billed at $0.04 each. */
const PRICE_PER_PREMIUM_REQUEST = parseDecimal('0.04')

/**
 * The GitHub premium-request report until Oct 2025: one row per request, with a timestamp
 * of 7 fractional digits and no money column. Requests within the quota cost nothing
 * ("included"); requests beyond it are costed at the published $0.04 and marked
 * "estimated", since the file itself states no amount.
 */
export const githubPremiumRequestsLegacy: BillingFormat = {
  id: 'github-copilot-premium-requests-legacy',
  label: 'GitHub Copilot premium request report (until Oct 2025)',
  signature: [['Timestamp'], ['User'], ['Model'], ['Requests Used']],
  bind(header, context) {
    const col = {
      timestamp: header.find('Timestamp'),
      user: header.find('User'),
      model: header.find('Model'),
      requests: header.find('Requests Used'),
      exceeds: header.find('Exceeds Monthly Quota'),
      quota: header.find('Total Monthly Quota'),
    }
    const instant = instantReader('Timestamp')
    return (fields, line) => {
      const charge = newCharge(this.id, 'github-copilot', context.file, line)
      const timestamp = cell(fields, col.timestamp)
      const user = cell(fields, col.user)
      const model = cell(fields, col.model)
      const requestsText = cell(fields, col.requests)
      const requests = count(requestsText, 'Requests Used') ?? 0
      const exceeds = cell(fields, col.exceeds).toLowerCase() === 'true'
      charge.start = instant(timestamp)
      charge.granularity = 'event'
      charge.model = orNull(model)
      charge.service = 'premium-requests'
      charge.user = context.actor(user)
      charge.quantity = { value: String(requests), unit: 'requests' }
      if (exceeds) {
        charge.cost = formatDecimal(multiplyDecimal(parseDecimal(String(requests)), PRICE_PER_PREMIUM_REQUEST))
        charge.costKind = 'estimated'
      } else {
        charge.costKind = 'included'
      }
      const quota = cell(fields, col.quota)
      if (quota) charge.tags.total_monthly_quota = quota
      charge.identity = `${timestamp}\u001f${charge.user ?? ''}\u001f${model}\u001f${requestsText}`
      return charge
    }
  },
}
