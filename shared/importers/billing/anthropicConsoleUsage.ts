import { cell } from '../csv/header'
import { anthropicConsoleKey } from '../../batches/anthropicConsoleKey'
import type { BillingFormat } from './format'
import { count, dayReader, newCharge, orNull, repairMojibake, tokensOf } from './rows'

/**
 * Claude Console → Usage → Export: tokens by kind per day, model id and key, and no money.
 * Rows import with cost 0 and costKind "none" so the tokens are kept without claiming a
 * spend; pricing them is the pricing table's job. Note api_key comes before workspace here.
 */
export const anthropicConsoleUsage: BillingFormat = {
  id: 'anthropic-console-usage',
  label: 'Anthropic Console usage export (tokens only)',
  signature: [['usage_date_utc'], ['model_version'], ['usage_output_tokens']],
  bind(header, context) {
    const col = {
      date: header.find('usage_date_utc'),
      model: header.find('model_version'),
      apiKey: header.find('api_key'),
      workspace: header.find('workspace'),
      usageType: header.find('usage_type'),
      contextWindow: header.find('context_window'),
      input: header.find('usage_input_tokens_no_cache'),
      // The older export had a single cache-write column: 5 minutes is the default cache lifetime.
      write5m: header.find('usage_input_tokens_cache_write_5m', 'usage_input_tokens_cache_write'),
      write1h: header.find('usage_input_tokens_cache_write_1h'),
      read: header.find('usage_input_tokens_cache_read'),
      output: header.find('usage_output_tokens'),
      webSearch: header.find('web_search_count'),
      geo: header.find('inference_geo'),
      speed: header.find('speed'),
    }
    const day = dayReader('usage_date_utc')
    return (fields, line) => {
      const charge = newCharge(this.id, 'anthropic', context.file, line)
      const { start, end } = day(cell(fields, col.date))
      const model = cell(fields, col.model)
      const apiKey = cell(fields, col.apiKey)
      const workspace = cell(fields, col.workspace)
      const usageType = cell(fields, col.usageType)
      const contextWindow = repairMojibake(cell(fields, col.contextWindow))
      const geo = cell(fields, col.geo)
      const speed = cell(fields, col.speed)
      charge.start = start
      charge.end = end
      charge.model = orNull(model)
      charge.apiKey = orNull(apiKey)
      charge.workspace = orNull(workspace)
      charge.costKind = 'none'
      charge.tokens = tokensOf({
        input: count(cell(fields, col.input), 'usage_input_tokens_no_cache'),
        cacheWrite5m: count(cell(fields, col.write5m), 'usage_input_tokens_cache_write_5m'),
        cacheWrite1h: count(cell(fields, col.write1h), 'usage_input_tokens_cache_write_1h'),
        cacheRead: count(cell(fields, col.read), 'usage_input_tokens_cache_read'),
        output: count(cell(fields, col.output), 'usage_output_tokens'),
      })
      const searches = count(cell(fields, col.webSearch), 'web_search_count')
      if (searches) charge.quantity = { value: String(searches), unit: 'web-searches' }
      if (usageType) charge.tags.usage_type = usageType
      if (contextWindow) charge.tags.context_window = contextWindow
      if (geo) charge.tags.inference_geo = geo
      if (speed) charge.tags.speed = speed
      charge.identity = anthropicConsoleKey({ start, model, workspace, apiKey, usageType, tokenType: '', costType: '', contextWindow, geo, speed })
      return charge
    }
  },
}
