import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, instantReader, newCharge, orNull, quantityOf } from './rows'
import { granularityOf } from './dates'
import { isOpenAiOrganizationTotal } from '../../batches/openaiOrganizationTotals'

/**
 * OpenAI dashboard → Usage → Cost → Export (`cost_<from>_<to>.csv`). Buckets are unix
 * seconds (the *_iso columns are a fallback: one source shows their offset missing),
 * `amount_value` is dollars with up to 30 fractional digits, `line_item` is
 * "<model>, <kind>" (always quoted) or a bare name. Days without spend come as rows with
 * everything after end_time_iso empty: they are not charges and are left out. An ungrouped
 * export has one organisation total per day (openaiOrganizationTotals.ts).
 */
export const openaiCost: BillingFormat = {
  id: 'openai-cost',
  label: 'OpenAI cost export',
  signature: [['start_time'], ['end_time'], ['amount_value'], ['amount_currency']],
  bind(header, context) {
    const col = {
      start: header.find('start_time'),
      end: header.find('end_time'),
      startIso: header.find('start_time_iso'),
      endIso: header.find('end_time_iso'),
      amount: header.find('amount_value'),
      currency: header.find('amount_currency'),
      quantity: header.find('quantity'),
      unit: header.find('quantity_unit'),
      lineItem: header.find('line_item'),
      userId: header.find('user_id'),
      apiKeyId: header.find('api_key_id'),
      projectId: header.find('project_id'),
      organizationId: header.find('organization_id'),
      projectName: header.find('project_name'),
      organizationName: header.find('organization_name'),
      userEmail: header.find('user_email'),
      apiSource: header.find('api_source'),
    }
    const seconds = instantReader('start_time', 'unix-seconds')
    const endSeconds = instantReader('end_time', 'unix-seconds')
    const iso = instantReader('start_time_iso')
    const endIso = instantReader('end_time_iso')
    let emptyDays = 0
    let organizationTotals = 0
    return (fields, line) => {
      const amountText = cell(fields, col.amount)
      if (amountText === '' && cell(fields, col.lineItem) === '') {
        if (emptyDays++ === 0) context.warn(line, 'days without spend (empty amount) are left out')
        return null
      }
      const charge = newCharge(this.id, 'openai', context.file, line)
      const startText = cell(fields, col.start)
      const endText = cell(fields, col.end)
      charge.start = startText ? seconds(startText) : iso(cell(fields, col.startIso))
      charge.end = endText ? endSeconds(endText) : col.endIso >= 0 && cell(fields, col.endIso) ? endIso(cell(fields, col.endIso)) : null
      charge.granularity = granularityOf(charge.start, charge.end)
      const lineItem = cell(fields, col.lineItem)
      const split = lineItem.indexOf(', ')
      charge.model = orNull(split < 0 ? lineItem : lineItem.slice(0, split))
      charge.tokenType = split < 0 ? null : lineItem.slice(split + 2)
      charge.cost = amount(amountText, 'amount_value')
      charge.currency = (cell(fields, col.currency) || 'usd').toUpperCase()
      if (charge.cost.startsWith('-')) charge.chargeType = 'credit'
      charge.quantity = quantityOf(cell(fields, col.quantity), cell(fields, col.unit), 'quantity')
      const projectId = cell(fields, col.projectId)
      const organizationId = cell(fields, col.organizationId)
      const userId = cell(fields, col.userId)
      const apiKeyId = cell(fields, col.apiKeyId)
      const apiSource = cell(fields, col.apiSource)
      charge.project = orNull(cell(fields, col.projectName) || projectId)
      charge.account = orNull(cell(fields, col.organizationName) || organizationId)
      charge.apiKey = orNull(apiKeyId)
      charge.user = context.actor(cell(fields, col.userEmail) || userId)
      if (apiSource) charge.tags.api_source = apiSource
      if (isOpenAiOrganizationTotal(charge) && organizationTotals++ === 0) {
        context.warn(line, 'rows without line_item or project are organisation totals: for days a grouped export also covers, its rows count instead')
      }
      charge.identity = `${charge.start}\u001f${charge.end ?? ''}\u001f${lineItem}\u001f${projectId}\u001f${organizationId}\u001f${charge.user ?? ''}\u001f${apiKeyId}\u001f${apiSource}`
      return charge
    }
  },
}
