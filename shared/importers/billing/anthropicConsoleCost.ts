import { cell } from '../csv/header'
import { anthropicConsoleKey } from '../../batches/anthropicConsoleKey'
import type { BillingFormat } from './format'
import { amount, dayReader, newCharge, optionalAmount, orNull, repairMojibake } from './rows'

/**
 * Claude Console → Cost → Export. One row per day × model × workspace × key × token type,
 * `cost_usd` in dollars. Four header versions (2024-12, 2025-12, 2026-03, 2026-08) differ
 * only by added columns, so every column past the first version is optional.
 */
export const anthropicConsoleCost: BillingFormat = {
  id: 'anthropic-console-cost',
  label: 'Anthropic Console cost export',
  signature: [['usage_date_utc'], ['model'], ['token_type'], ['cost_usd']],
  bind(header, context) {
    const col = {
      date: header.find('usage_date_utc'),
      model: header.find('model'),
      workspace: header.find('workspace'),
      apiKey: header.find('api_key'),
      usageType: header.find('usage_type'),
      contextWindow: header.find('context_window'),
      tokenType: header.find('token_type'),
      cost: header.find('cost_usd'),
      listPrice: header.find('list_price_usd'),
      costType: header.find('cost_type'),
      geo: header.find('inference_geo'),
      speed: header.find('speed'),
    }
    const day = dayReader('usage_date_utc')
    return (fields, line) => {
      const charge = newCharge(this.id, 'anthropic', context.file, line)
      const { start, end } = day(cell(fields, col.date))
      const model = cell(fields, col.model)
      const workspace = cell(fields, col.workspace)
      const apiKey = cell(fields, col.apiKey)
      const usageType = cell(fields, col.usageType)
      const contextWindow = repairMojibake(cell(fields, col.contextWindow))
      const tokenType = cell(fields, col.tokenType)
      const costType = cell(fields, col.costType)
      const geo = cell(fields, col.geo)
      const speed = cell(fields, col.speed)
      charge.start = start
      charge.end = end
      charge.model = orNull(model)
      charge.service = orNull(costType)
      charge.workspace = orNull(workspace)
      charge.apiKey = orNull(apiKey)
      charge.tokenType = orNull(tokenType)
      charge.cost = amount(cell(fields, col.cost), 'cost_usd')
      charge.listCost = optionalAmount(cell(fields, col.listPrice), 'list_price_usd') ?? undefined
      if (charge.cost.startsWith('-')) charge.chargeType = 'credit'
      if (usageType) charge.tags.usage_type = usageType
      if (contextWindow) charge.tags.context_window = contextWindow
      if (geo) charge.tags.inference_geo = geo
      if (speed) charge.tags.speed = speed
      charge.identity = anthropicConsoleKey({ start, model, workspace, apiKey, usageType, tokenType, costType, contextWindow, geo, speed })
      return charge
    }
  },
}
