import { describe, expect, it } from 'vitest'
import { Charge } from '../../records/charge'
import { storedIdentity } from '../../records/chargeIdentity'
import { chunksOf } from '../text/decode'
import { importBillingFile } from './importBillingFile'
import { fixtureSource, storedCharges } from '../../../test/support/billingFixtures'

/**
 * One fixture per documented layout and version, with the quirks the research found
 * (BOM, CRLF, quoted commas and newlines, "Included", empty OpenAI days, Azure EUR and
 * MM/DD/YYYY and brace-less tags, UTF-16 copies). Totals are checked to the last digit.
 */
const CASES: { file: string; format: string; records: number; totals: Record<string, string>; from: string; to: string }[] = [
  { file: 'anthropic-cost-2024-12.csv', format: 'anthropic-console-cost', records: 4, totals: { USD: '14.70' }, from: '2024-12-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
  { file: 'anthropic-cost-2024-12-utf16be.csv', format: 'anthropic-console-cost', records: 4, totals: { USD: '14.70' }, from: '2024-12-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
  { file: 'anthropic-cost-2025-12.csv', format: 'anthropic-console-cost', records: 3, totals: { USD: '113.00' }, from: '2025-12-01T00:00:00.000Z', to: '2025-12-02T00:00:00.000Z' },
  { file: 'anthropic-cost-2025-12-utf16le.txt', format: 'anthropic-console-cost', records: 3, totals: { USD: '113.00' }, from: '2025-12-01T00:00:00.000Z', to: '2025-12-02T00:00:00.000Z' },
  { file: 'anthropic-cost-2026-03.csv', format: 'anthropic-console-cost', records: 3, totals: { USD: '29.76' }, from: '2026-03-30T00:00:00.000Z', to: '2026-04-02T00:00:00.000Z' },
  { file: 'anthropic-cost-2026-08.csv', format: 'anthropic-console-cost', records: 4, totals: { USD: '2.80' }, from: '2026-08-05T00:00:00.000Z', to: '2026-09-02T00:00:00.000Z' },
  { file: 'anthropic-usage.csv', format: 'anthropic-console-usage', records: 2, totals: {}, from: '2026-08-05T00:00:00.000Z', to: '2026-08-06T00:00:00.000Z' },
  { file: 'openai-cost_2026-09-01_2026-09-04.csv', format: 'openai-cost', records: 3, totals: { USD: '1.753835980000000000000000000001' }, from: '2026-09-01T00:00:00.000Z', to: '2026-09-04T00:00:00.000Z' },
  { file: 'openai-cost-2025-10.csv', format: 'openai-cost', records: 2, totals: { USD: '3.25' }, from: '2025-10-01T00:00:00.000Z', to: '2025-10-02T00:00:00.000Z' },
  { file: 'github-copilot-ai-usage-21.csv', format: 'github-copilot-ai-usage', records: 3, totals: { USD: '0.585' }, from: '2026-08-01T00:00:00.000Z', to: '2026-08-03T00:00:00.000Z' },
  { file: 'github-copilot-ai-usage-17.csv', format: 'github-copilot-ai-usage', records: 2, totals: { USD: '2.00' }, from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' },
  { file: 'github-premium-requests-2025.csv', format: 'github-copilot-premium-requests', records: 2, totals: { USD: '1.00' }, from: '2025-11-03T00:00:00.000Z', to: '2025-11-04T00:00:00.000Z' },
  { file: 'github-premium-requests-legacy.csv', format: 'github-copilot-premium-requests-legacy', records: 3, totals: { USD: '2.00' }, from: '2025-06-11T05:13:27.876Z', to: '2025-06-12T18:00:00.000Z' },
  { file: 'github-metered-usage.csv', format: 'github-metered-usage', records: 3, totals: { USD: '1.28' }, from: '2026-07-01T00:00:00.000Z', to: '2026-07-03T00:00:00.000Z' },
  { file: 'cursor-usage-events-2026-08-31.csv', format: 'cursor-usage-events', records: 5, totals: { USD: '0.2000' }, from: '2026-08-30T10:00:00.123Z', to: '2026-08-31T09:30:00.000Z' },
  { file: 'aws-cur2-bedrock.csv', format: 'aws-cur', records: 5, totals: { USD: '2.6670000' }, from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' },
  { file: 'azure-cost-details.csv', format: 'azure-cost-details', records: 4, totals: { EUR: '1.73296789' }, from: '2026-08-05T00:00:00.000Z', to: '2026-08-22T00:00:00.000Z' },
  { file: 'openrouter_activity_2026-02-06.csv', format: 'openrouter-generations', records: 3, totals: { USD: '1.5123456' }, from: '2026-02-06T18:54:30.040Z', to: '2026-02-07T01:02:03.004Z' },
  { file: 'openrouter-daily.csv', format: 'openrouter-daily', records: 2, totals: { USD: '3.64159' }, from: '2026-05-12T00:00:00.000Z', to: '2026-05-14T00:00:00.000Z' },
  { file: 'anthropic-usage-old.csv', format: 'anthropic-console-usage', records: 1, totals: {}, from: '2025-06-01T00:00:00.000Z', to: '2025-06-02T00:00:00.000Z' },
  { file: 'cursor-usage-v1.csv', format: 'cursor-usage-events', records: 1, totals: { USD: '0.40' }, from: '2025-07-01T08:00:00.000Z', to: '2025-07-01T08:00:00.000Z' },
  { file: 'cursor-usage-old.csv', format: 'cursor-usage-events', records: 1, totals: { USD: '1.25' }, from: '2025-05-01T08:00:00.000Z', to: '2025-05-01T08:00:00.000Z' },
  { file: 'cursor-team-requests.csv', format: 'cursor-usage-events', records: 1, totals: {}, from: '2026-08-30T10:00:00.000Z', to: '2026-08-30T10:00:00.000Z' },
  { file: 'aws-cur-legacy-marketplace.csv', format: 'aws-cur', records: 3, totals: { USD: '0.99' }, from: '2025-10-01T00:00:00.000Z', to: '2025-10-02T00:00:00.000Z' },
  { file: 'azure-ea-cost-details.csv', format: 'azure-cost-details', records: 1, totals: { USD: '1.5' }, from: '2026-09-30T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' },
  { file: 'azure-legacy-usage.csv', format: 'azure-cost-details', records: 1, totals: { GBP: '2.00' }, from: '2024-05-01T00:00:00.000Z', to: '2024-05-02T00:00:00.000Z' },
  { file: 'focus-1.3.csv', format: 'focus', records: 1, totals: { USD: '0.42' }, from: '2026-10-01T00:00:00.000Z', to: '2026-10-02T00:00:00.000Z' },
  { file: 'focus-1.2.csv', format: 'focus', records: 3, totals: { EUR: '7.25', USD: '9.5000' }, from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' },
]

async function load(file: string) {
  const result = await importBillingFile(fixtureSource(file), { importedAt: '2026-11-29T00:00:00.000Z', pseudonymSalt: 'team-salt' })
  return { result, byLine: new Map(storedCharges(result).map((charge) => [charge.source.line, charge])) }
}

describe('billing formats: every fixture imports with exact totals', () => {
  for (const expected of CASES) {
    it(`${expected.file} → ${expected.format}`, async () => {
      const { result } = await load(expected.file)
      expect(result.errors).toEqual([])
      expect(result.status).toBe('ok')
      expect(result.format).toBe(expected.format)
      expect(result.records).toBe(expected.records)
      expect(storedCharges(result)).toHaveLength(expected.records)
      expect(result.totals).toEqual(expected.totals)
      expect(result.batch?.meta.totals).toEqual(expected.totals)
      expect([result.from, result.to]).toEqual([expected.from, expected.to])
      for (const charge of storedCharges(result)) expect(Charge.safeParse(charge).error).toBeUndefined()
      expect(new Set(storedCharges(result).map((charge) => charge.identity)).size).toBe(expected.records)
      // Stored as the ledger compares them: long natural keys hashed, short ids kept.
      for (const charge of storedCharges(result)) expect(storedIdentity(charge.identity)).toBe(charge.identity)
    })
  }
})

describe('billing formats: what each row becomes', () => {
  it('Anthropic cost: quoted newline keeps line numbers, Excel mojibake is repaired, credits stay negative', async () => {
    const { byLine } = await load('anthropic-cost-2026-08.csv')
    expect([...byLine.keys()]).toEqual([2, 4, 5, 6])
    expect(byLine.get(2)).toMatchObject({ apiKey: 'team key\r\n(rotated)', model: 'Claude Sonnet 4.6', workspace: 'Default', tokenType: 'input_no_cache', cost: '7.77', granularity: 'day', end: '2026-08-06T00:00:00.000Z' })
    expect(byLine.get(4)).toMatchObject({ apiKey: 'key "quoted", with comma', cost: '0.00', tags: { context_window: '≤ 200k' } })
    expect(byLine.get(5)).toMatchObject({ cost: '-5.00', chargeType: 'credit' })
  })

  it('Anthropic usage: tokens by kind with thousands separators, no money claimed', async () => {
    const { byLine } = await load('anthropic-usage.csv')
    expect(byLine.get(2)).toMatchObject({ model: 'claude-opus-4-6', apiKey: 'prod-backend', cost: '0', costKind: 'none', tokens: { input: 1234, cacheWrite5m: 100, cacheWrite1h: 0, cacheRead: 25000, output: 987 } })
  })

  it('OpenAI: unix-second buckets, model and kind from line_item, names pseudonymized, empty days left out with a warning', async () => {
    const { result, byLine } = await load('openai-cost_2026-09-01_2026-09-04.csv')
    expect(byLine.get(2)).toMatchObject({ start: '2026-09-01T00:00:00.000Z', end: '2026-09-02T00:00:00.000Z', model: 'gpt-5-nano', tokenType: 'input_tokens', project: 'Backend', apiKey: 'key_123', currency: 'USD', quantity: { value: '12345', unit: 'tokens' } })
    expect(byLine.get(2)?.user).toMatch(/^p-[0-9a-f]{12}$/)
    expect(byLine.get(5)).toMatchObject({ model: 'whisper', tokenType: null, cost: '0.5' })
    expect(result.warnings).toEqual([{ line: 4, message: 'days without spend (empty amount) are left out' }])
  })

  it('GitHub Copilot: net_amount is billed, gross kept as listCost, tokens from the 21-column report', async () => {
    const { byLine } = await load('github-copilot-ai-usage-21.csv')
    expect(byLine.get(2)).toMatchObject({ provider: 'github-copilot', model: 'Auto: Claude Haiku 4.5', service: 'copilot_ai_credit', cost: '0', listCost: '0.19678995', account: 'liantisit-common', quantity: { value: '19.678995', unit: 'ai-credits' }, tokens: { input: 12000, output: 3400, cacheRead: 50000, cacheWrite5m: 0 } })
    expect(byLine.get(3)).toMatchObject({ tokens: null, costCenter: 'platform', project: 'web' })
    expect(byLine.get(4)).toMatchObject({ cost: '0.505' })
  })

  it('GitHub legacy premium requests: 7-digit timestamps, over-quota requests estimated at $0.04, repeats kept apart', async () => {
    const { result, byLine } = await load('github-premium-requests-legacy.csv')
    expect(byLine.get(2)).toMatchObject({ start: '2025-06-11T05:13:27.876Z', costKind: 'included', cost: '0' })
    expect(byLine.get(4)).toMatchObject({ costKind: 'estimated', cost: '2.00', quantity: { value: '50', unit: 'requests' } })
    expect(byLine.get(3)?.identity).not.toBe(byLine.get(2)?.identity)
    expect(result.warnings.map((warning) => warning.line)).toEqual([3])
  })

  it('Cursor: "Included" and not-charged rows cost 0 with their value kept, "$0.0100" parsed, disjoint tokens', async () => {
    const { byLine } = await load('cursor-usage-events-2026-08-31.csv')
    expect(byLine.get(2)).toMatchObject({ costKind: 'included', cost: '0', tokens: { cacheWrite5m: 28342, input: 775, cacheRead: 105891, output: 21282 }, tags: { kind: 'Included in Business', max_mode: 'no' } })
    expect(byLine.get(3)).toMatchObject({ costKind: 'billed', cost: '0.19' })
    expect(byLine.get(4)).toMatchObject({ costKind: 'not_charged', cost: '0', tags: { kind: 'Errored, Not Charged' } })
    expect(byLine.get(5)).toMatchObject({ cost: '0.0100' })
    expect(byLine.get(6)).toMatchObject({ costKind: 'included', cost: '0', listCost: '0.02' })
  })

  it('AWS CUR 2.0: Bedrock model and tokens from the usage type (1K-token units), JSON tags, credits, other services kept', async () => {
    const { byLine } = await load('aws-cur2-bedrock.csv')
    expect(byLine.get(2)).toMatchObject({ provider: 'aws-bedrock', model: 'Claude4.6Sonnet', tokenType: 'input-tokens', tokens: { input: 1523500 }, cost: '4.5705000', account: '444455556666', tags: { user_team: 'platform', user_workflow: 'pr-review' } })
    expect(byLine.get(2)?.user).toMatch(/^p-/)
    expect(byLine.get(3)).toMatchObject({ tokens: { cacheRead: 200000 } })
    expect(byLine.get(4)).toMatchObject({ model: 'Nova2.0Lite', tokens: { output: 10000 } })
    expect(byLine.get(5)).toMatchObject({ chargeType: 'credit', cost: '-2.0000000', granularity: 'month' })
    expect(byLine.get(6)).toMatchObject({ provider: 'aws', service: 'AmazonS3', model: null })
  })

  it('Azure: MM/DD/YYYY, EUR kept, brace-less tags, refunds negative, scientific notation exact', async () => {
    const { byLine } = await load('azure-cost-details.csv')
    expect(byLine.get(2)).toMatchObject({ start: '2026-08-05T00:00:00.000Z', currency: 'EUR', cost: '0.3584', model: 'gpt-4o-mini-0718', provider: 'azure-openai', project: 'rg-ai', workspace: 'acme-openai', costCenter: 'CC-42', tags: { team: 'platform', env: 'prod' } })
    expect(byLine.get(3)).toMatchObject({ start: '2026-08-13T00:00:00.000Z', model: 'gpt 4o 0513', cost: '1.23456789' })
    expect(byLine.get(4)).toMatchObject({ chargeType: 'refund', cost: '-0.10' })
    expect(byLine.get(5)).toMatchObject({ model: null, service: 'Virtual Machines', cost: '0.24' })
  })

  it('Azure: a German-locale re-save with DD.MM.YYYY dates reads day first', async () => {
    const text = 'UsageDateTime,MeterCategory,MeterName,PreTaxCost,Currency\n13.08.2026,Cognitive Services,gpt-4 Output Tokens,2.00,EUR\n01.09.2026,Cognitive Services,gpt-4 Output Tokens,1.00,EUR\n'
    const result = await importBillingFile({ name: 'azure.csv', chunks: chunksOf(text, 32) }, { importedAt: '2026-11-29T00:00:00.000Z' })
    expect(result).toMatchObject({ status: 'ok', format: 'azure-cost-details', from: '2026-08-13T00:00:00.000Z', to: '2026-09-02T00:00:00.000Z' })
  })

  it('OpenRouter: zone-less times are UTC, generation id is the identity, token kinds disjoint, BYOK value kept', async () => {
    const { byLine } = await load('openrouter_activity_2026-02-06.csv')
    expect(byLine.get(2)).toMatchObject({ identity: 'gen-1', start: '2026-02-06T18:54:30.040Z', model: 'anthropic/claude-4.5-sonnet-20250929', service: 'Anthropic', apiKey: 'laptop', tokens: { input: 800, cacheRead: 200, output: 400, reasoning: 100 } })
    expect(byLine.get(3)).toMatchObject({ cost: '0', listCost: '0.5', user: null })
    expect(byLine.get(4)).toMatchObject({ apiKey: 'ci, nightly', tags: { cancelled: 'true' } })
  })

  it('older and other layouts: legacy CUR with Marketplace models, Azure EA, Cursor v1/old/requests, old Anthropic usage, FOCUS 1.3', async () => {
    const legacyCur = (await load('aws-cur-legacy-marketplace.csv')).byLine
    expect(legacyCur.get(2)).toMatchObject({ provider: 'aws-bedrock', model: 'Claude Sonnet 4.5 (Amazon Bedrock Edition)', tokens: { input: 250000 }, tags: { 'user:team': 'platform', 'user:workflow': 'pr-review' } })
    expect(legacyCur.get(3)).toMatchObject({ tokens: { output: 10000 } })
    expect(legacyCur.get(4)).toMatchObject({ chargeType: 'tax', provider: 'aws-bedrock', tokens: null })
    expect((await load('azure-ea-cost-details.csv')).byLine.get(2)).toMatchObject({ model: 'GPT 5', currency: 'USD', project: 'rg-ml', costCenter: 'CC-7', tags: { team: 'ml' } })
    expect((await load('azure-legacy-usage.csv')).byLine.get(2)).toMatchObject({ model: 'gpt-4', currency: 'GBP', project: 'rg' })
    expect((await load('cursor-usage-v1.csv')).byLine.get(2)).toMatchObject({ cost: '0.40', tokens: { cacheWrite5m: 100, input: 200, cacheRead: 300, output: 400 } })
    expect((await load('cursor-usage-old.csv')).byLine.get(2)).toMatchObject({ cost: '1.25', tokens: null, quantity: { value: '12345', unit: 'tokens' } })
    expect((await load('cursor-team-requests.csv')).byLine.get(2)).toMatchObject({ costKind: 'none', quantity: { value: '1', unit: 'requests' } })
    expect((await load('anthropic-usage-old.csv')).byLine.get(2)).toMatchObject({ tokens: { input: 100, cacheWrite5m: 50, cacheRead: 25, output: 10 } })
    expect((await load('focus-1.3.csv')).byLine.get(2)).toMatchObject({ provider: 'openrouter', model: 'openai/gpt-5', start: '2026-10-01T00:00:00.000Z', granularity: 'day' })
  })

  it('FOCUS: BilledCost per BillingCurrency, Tags JSON and x_ columns as tags, credits', async () => {
    const { byLine } = await load('focus-1.2.csv')
    expect(byLine.get(2)).toMatchObject({ provider: 'anthropic', service: 'Claude API', model: 'claude-sonnet-4-5', account: 'Platform', cost: '12.5000', listCost: '15.0000', granularity: 'day', tags: { team: 'platform', env: 'prod', x_Model: 'claude-sonnet-4-5', x_TokenType: 'input', EffectiveCost: '12.0000' } })
    expect(byLine.get(3)).toMatchObject({ chargeType: 'credit', cost: '-3.00' })
    expect(byLine.get(4)).toMatchObject({ currency: 'EUR', granularity: 'hour' })
  })
})
