import { cell } from '../csv/header'
import type { BillingFormat } from './format'
import { amount, count, dayReader, instantReader, newCharge, optionalAmount, orNull, tokensOf } from './rows'

/**
 * Token kinds are stored disjoint (they add up to the total): OpenRouter's prompt count
 * includes the cached tokens, and its completion count includes the reasoning tokens.
 */
function disjointTokens(prompt: number | null, cached: number | null, completion: number | null, reasoning: number | null) {
  return tokensOf({
    input: prompt === null ? null : Math.max(0, prompt - (cached ?? 0)),
    cacheRead: cached,
    output: completion === null ? null : Math.max(0, completion - (reasoning ?? 0)),
    reasoning,
  })
}

/**
 * OpenRouter → Activity → export, one row per generation. `created_at` has no zone and is
 * UTC; `cost_total` is USD credits. BYOK traffic (`byok_usage_inference`) was not billed by
 * OpenRouter and is kept as listCost.
 */
export const openrouterGenerations: BillingFormat = {
  id: 'openrouter-generations',
  label: 'OpenRouter activity export (per generation)',
  signature: [['generation_id'], ['created_at'], ['cost_total']],
  bind(header, context) {
    const col = {
      id: header.find('generation_id'),
      created: header.find('created_at'),
      cost: header.find('cost_total'),
      byok: header.find('byok_usage_inference'),
      prompt: header.find('tokens_prompt'),
      completion: header.find('tokens_completion'),
      reasoning: header.find('tokens_reasoning'),
      cached: header.find('tokens_cached'),
      model: header.find('model_permaslug', 'model'),
      providerName: header.find('provider_name'),
      variant: header.find('variant'),
      cancelled: header.find('cancelled'),
      user: header.find('user'),
      apiKey: header.find('api_key_name'),
      app: header.find('app_name'),
    }
    const instant = instantReader('created_at')
    return (fields, line) => {
      const charge = newCharge(this.id, 'openrouter', context.file, line)
      const id = cell(fields, col.id)
      charge.start = instant(cell(fields, col.created))
      charge.granularity = 'event'
      charge.model = orNull(cell(fields, col.model))
      charge.service = orNull(cell(fields, col.providerName))
      charge.cost = amount(cell(fields, col.cost), 'cost_total')
      const byok = optionalAmount(cell(fields, col.byok), 'byok_usage_inference')
      if (byok !== null && /[1-9]/.test(byok)) charge.listCost = byok
      charge.user = context.actor(cell(fields, col.user))
      charge.apiKey = orNull(cell(fields, col.apiKey))
      charge.workspace = orNull(cell(fields, col.app))
      charge.tokens = disjointTokens(
        count(cell(fields, col.prompt), 'tokens_prompt'),
        count(cell(fields, col.cached), 'tokens_cached'),
        count(cell(fields, col.completion), 'tokens_completion'),
        count(cell(fields, col.reasoning), 'tokens_reasoning'),
      )
      const variant = cell(fields, col.variant)
      const cancelled = cell(fields, col.cancelled)
      if (variant) charge.tags.variant = variant
      if (cancelled) charge.tags.cancelled = cancelled.toLowerCase()
      charge.identity = id || `${cell(fields, col.created)}\u001f${cell(fields, col.model)}\u001f${charge.user ?? ''}\u001f${cell(fields, col.cost)}`
      return charge
    }
  },
}

/** OpenRouter → Activity → daily export per model: `Usage` is USD, dates "2026-05-12 00:00:00". */
export const openrouterDaily: BillingFormat = {
  id: 'openrouter-daily',
  label: 'OpenRouter activity export (daily)',
  signature: [['Date'], ['Slug'], ['Usage'], ['Prompt Tokens']],
  bind(header, context) {
    const col = {
      date: header.find('Date'),
      slug: header.find('Slug'),
      usage: header.find('Usage'),
      byok: header.find('BYOK Usage'),
      requests: header.find('Requests'),
      prompt: header.find('Prompt Tokens'),
      completion: header.find('Completion Tokens'),
      reasoning: header.find('Reasoning Tokens'),
    }
    const day = dayReader('Date')
    return (fields, line) => {
      const charge = newCharge(this.id, 'openrouter', context.file, line)
      const date = cell(fields, col.date)
      const slug = cell(fields, col.slug)
      const { start, end } = day(date)
      charge.start = start
      charge.end = end
      charge.model = orNull(slug)
      charge.cost = amount(cell(fields, col.usage), 'Usage')
      const byok = optionalAmount(cell(fields, col.byok), 'BYOK Usage')
      if (byok !== null && /[1-9]/.test(byok)) charge.listCost = byok
      const requests = count(cell(fields, col.requests), 'Requests')
      if (requests !== null) charge.quantity = { value: String(requests), unit: 'requests' }
      charge.tokens = disjointTokens(count(cell(fields, col.prompt), 'Prompt Tokens'), null, count(cell(fields, col.completion), 'Completion Tokens'), count(cell(fields, col.reasoning), 'Reasoning Tokens'))
      charge.identity = `${start}\u001f${slug}`
      return charge
    }
  },
}
