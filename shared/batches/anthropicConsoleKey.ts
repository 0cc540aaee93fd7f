import type { Charge } from '../records/charge'

/** The columns of a Console cost or usage row that tell it apart (empty when the file has no such column). */
export interface AnthropicConsoleRowKey {
  start: string
  model: string
  workspace: string
  apiKey: string
  usageType: string
  tokenType: string
  costType: string
  contextWindow: string
  geo: string
  speed: string
}

/**
 * The natural key of an Anthropic Console cost or usage row. Every header version has the
 * day, model, workspace, key name, usage type and token type; a column added in a later
 * version counts as the value a file without it meant (a 2024-12 download has no
 * context_window because every row was "≤ 200k", no cost_type because every row was
 * "token"), so the same row downloaded with the 2024-12 and the 2026-08 header has one key.
 * The key name, not `api_key_id`: only the 2026-08 header has the id. Rows of one file that
 * differ only in the two geo values older files did not tell apart stay apart through their
 * occurrence number (identities.ts). Empty cells and missing columns are tested by
 * truthiness, not by comparing text: comparing four cells of every row with constants
 * slowed the parse measurably.
 */
export function anthropicConsoleKey(row: AnthropicConsoleRowKey): string {
  const geo = row.geo === 'global' || row.geo === 'not_available' ? '' : row.geo
  return `${row.start}\u001f${row.model}\u001f${row.workspace}\u001f${row.apiKey}\u001f${row.usageType}\u001f${row.tokenType}\u001f${row.costType || 'token'}\u001f${row.contextWindow || '≤ 200k'}\u001f${geo}\u001f${row.speed}`
}

/** The same key read back from a stored charge, to re-key batches stored under an older key (legacyIdentities.ts). */
export function anthropicConsoleKeyOfCharge(charge: Charge): string {
  const { tags } = charge
  return anthropicConsoleKey({
    start: charge.start,
    model: charge.model ?? '',
    workspace: charge.workspace ?? '',
    apiKey: charge.apiKey ?? '',
    usageType: tags.usage_type ?? '',
    tokenType: charge.tokenType ?? '',
    costType: charge.service ?? '',
    contextWindow: tags.context_window ?? '',
    geo: tags.inference_geo ?? '',
    speed: tags.speed ?? '',
  })
}
