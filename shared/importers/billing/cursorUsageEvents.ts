import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, count, instantReader, newCharge, orNull, quantityOf, tokensOf } from './rows'

/**
 * Cursor dashboard → Usage → Export CSV (team and personal, versions v1–v3 and the old
 * `Tokens`/`Cost ($)` form). One row per request. `Cost` is a number, "$0.0100", or the
 * literal "Included"; `Kind` says whether it was billed ("Usage-based"), covered by the plan
 * ("Included…") or not charged ("Errored, Not Charged"). Covered and not-charged rows keep
 * their tokens and their value (as listCost) but cost 0, so they never read as spend.
 * The token columns are disjoint: "Input (w/ Cache Write)" is the cache-write part.
 */
export const cursorUsageEvents: BillingFormat = {
  id: 'cursor-usage-events',
  label: 'Cursor usage export',
  signature: [['Date'], ['Model'], ['Cost', 'Cost ($)', 'Cost to you', 'Requests'], ['Total Tokens', 'Tokens']],
  bind(header, context) {
    const col = {
      date: header.find('Date'),
      user: header.find('User'),
      kind: header.find('Kind'),
      model: header.find('Model'),
      maxMode: header.find('Max Mode'),
      cacheWrite: header.find('Input (w/ Cache Write)'),
      input: header.find('Input (w/o Cache Write)'),
      cacheRead: header.find('Cache Read'),
      output: header.find('Output Tokens'),
      total: header.find('Total Tokens', 'Tokens'),
      // v1 has both "Cost" and "Cost to you": the latter is what was billed.
      cost: header.find('Cost to you', 'Cost', 'Cost ($)'),
      requests: header.find('Requests'),
      cloudAgent: header.find('Cloud Agent ID'),
      automation: header.find('Automation ID'),
    }
    const instant = instantReader('Date')
    return (fields, line) => {
      const charge = newCharge(this.id, 'cursor', context.file, line)
      const date = cell(fields, col.date)
      const user = cell(fields, col.user)
      const kind = cell(fields, col.kind)
      const model = cell(fields, col.model)
      const maxMode = cell(fields, col.maxMode)
      const costText = cell(fields, col.cost)
      charge.start = instant(date)
      charge.granularity = 'event'
      charge.model = orNull(model)
      charge.user = context.actor(user)
      charge.tokens = tokensOf({
        input: count(cell(fields, col.input), 'Input (w/o Cache Write)'),
        cacheWrite5m: count(cell(fields, col.cacheWrite), 'Input (w/ Cache Write)'),
        cacheRead: count(cell(fields, col.cacheRead), 'Cache Read'),
        output: count(cell(fields, col.output), 'Output Tokens'),
      })
      if (charge.tokens === null) charge.quantity = quantityOf(cell(fields, col.total), 'tokens', 'Tokens')
      if (col.cost < 0) {
        // The team variant that counts requests instead of money.
        charge.quantity = quantityOf(cell(fields, col.requests), 'requests', 'Requests')
        charge.costKind = 'none'
      } else if (/^included/i.test(costText)) {
        charge.costKind = 'included'
      } else {
        const value = costText === '' ? '0' : amount(costText, header.names[col.cost])
        const kindWord = kind.toLowerCase()
        if (kindWord.includes('not charged')) {
          charge.costKind = 'not_charged'
          charge.listCost = value
        } else if (kindWord.startsWith('included')) {
          charge.costKind = 'included'
          charge.listCost = value
        } else {
          charge.cost = value
          if (value.startsWith('-')) charge.chargeType = 'refund'
        }
      }
      if (kind) charge.tags.kind = kind
      if (maxMode) charge.tags.max_mode = maxMode.toLowerCase()
      const cloudAgent = cell(fields, col.cloudAgent)
      const automation = cell(fields, col.automation)
      if (cloudAgent) charge.tags.cloud_agent_id = cloudAgent
      if (automation) charge.tags.automation_id = automation
      // Events have no id: their time, actor and exact token counts are the key.
      charge.identity = `${date}\u001f${charge.user ?? ''}\u001f${kind}\u001f${model}\u001f${maxMode}\u001f${cloudAgent}\u001f${automation}\u001f${cell(fields, col.cacheWrite)}\u001f${cell(fields, col.input)}\u001f${cell(fields, col.cacheRead)}\u001f${cell(fields, col.output)}\u001f${cell(fields, col.total)}\u001f${costText}`
      return charge
    }
  },
}
