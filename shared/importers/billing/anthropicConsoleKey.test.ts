import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storedCharges } from '../../../test/support/billingFixtures'
import { createBatch } from '../../batches/batch'
import { Ledger } from '../../workspace/ledger'
import { chunksOf } from '../text/decode'
import { importBillingFile } from './importBillingFile'

/** The same Console cost rows as each header version of billing.md §1a writes them. */
const VERSIONS = {
  '2024-12': {
    header: 'usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd',
    row: (day: string, tokenType: string, cost: string) => `${day},Claude Sonnet 4.5,Default,"ci, nightly",message,${tokenType},${cost}`,
  },
  '2025-12': {
    header: 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,cost_type',
    row: (day: string, tokenType: string, cost: string) => `${day},Claude Sonnet 4.5,Default,"ci, nightly",message,≤ 200k,${tokenType},${cost},token`,
  },
  '2026-03': {
    header: 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed',
    row: (day: string, tokenType: string, cost: string) => `${day},Claude Sonnet 4.5,Default,"ci, nightly",message,≤ 200k,${tokenType},${cost},${cost},token,not_available,`,
  },
  '2026-08': {
    header: 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status',
    row: (day: string, tokenType: string, cost: string) => `${day},Claude Sonnet 4.5,Default,"ci, nightly",message,≤ 200k,${tokenType},${cost},${cost},token,global,,apikey_01XYZ,active`,
  },
}
type Version = keyof typeof VERSIONS
const DAYS: [string, string, string][] = [
  ['2026-08-01', 'input_no_cache', '1.00'],
  ['2026-08-01', 'output', '2.00'],
  ['2026-08-02', 'output', '3.00'],
]

function exportOf(version: Version, days: [string, string, string][], name = `cost-${version}.csv`) {
  const { header, row } = VERSIONS[version]
  return { name, chunks: chunksOf([header, ...days.map((day) => row(...day))].join('\r\n'), 64) }
}

const options = { importedAt: '2026-12-05T00:00:00.000Z' }

describe('Anthropic Console cost rows keep one identity across header versions', () => {
  it('gives the same rows the same identities under all four headers', async () => {
    const identities = await Promise.all(
      (Object.keys(VERSIONS) as Version[]).map(async (version) => storedCharges(await importBillingFile(exportOf(version, DAYS), options)).map((charge) => charge.identity)),
    )
    expect(new Set(identities[0]).size).toBe(3)
    for (const each of identities) expect(each).toEqual(identities[0])
  })

  it('counts a row once when an old download and a 2026-08 download overlap', async () => {
    const ledger = new Ledger(new Y.Doc())
    for (const file of [exportOf('2024-12', DAYS.slice(0, 2)), exportOf('2026-08', DAYS.slice(1))]) {
      const { batch } = await importBillingFile(file, options)
      ledger.add(batch!)
    }
    expect(ledger.charges().records.map((charge) => charge.cost).sort()).toEqual(['1.00', '2.00', '3.00'])
  })

  it('keeps rows apart that differ in a dimension the old headers could not express', async () => {
    const { header } = VERSIONS['2026-08']
    const text = [
      header,
      '2026-08-01,Claude Sonnet 4.5,Default,k,message,≤ 200k,output,1.00,1.00,token,global,,apikey_01,active',
      '2026-08-01,Claude Sonnet 4.5,Default,k,message,> 200k,output,2.00,2.00,token,global,,apikey_01,active',
      '2026-08-01,Claude Sonnet 4.5,Default,k,message,≤ 200k,output,4.00,4.00,token,us,,apikey_01,active',
      '2026-08-01,Claude Sonnet 4.5,Default,k,message,≤ 200k,output,8.00,8.00,token,global,fast,apikey_01,active',
      '2026-08-01,Claude Sonnet 4.5,Default,k,message,≤ 200k,web_search,16.00,16.00,web_search,global,,apikey_01,active',
    ].join('\n')
    const result = await importBillingFile({ name: 'cost.csv', chunks: chunksOf(text, 64) }, options)
    expect(result.warnings).toEqual([])
    expect(new Set(storedCharges(result).map((charge) => charge.identity)).size).toBe(5)
  })

  it('re-keys a batch stored under identity version 1, so the same rows imported today count once', async () => {
    const today = await importBillingFile(exportOf('2026-08', DAYS), options)
    // A batch as an earlier release stored it: other identities and no identityVersion.
    const legacyCharges = storedCharges(today).map((charge, index) => ({ ...charge, source: { ...charge.source, file: 'old.csv' }, identity: `legacy-${index}` }))
    const legacy = createBatch({ kind: 'charges', format: 'anthropic-console-cost', fileNames: ['old.csv'], records: legacyCharges, totals: { USD: '6.00' }, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-09-01T00:00:00.000Z' })
    const { identityVersion: _version, ...legacyMeta } = legacy.meta

    const ledger = new Ledger(new Y.Doc())
    ledger.add({ ...legacy, meta: legacyMeta })
    ledger.add(today.batch!)
    expect(ledger.charges().records).toHaveLength(3)
    const renamed = await importBillingFile({ ...exportOf('2026-08', DAYS), name: 'renamed.csv' }, options)
    expect(ledger.add(renamed.batch!)).toBe('duplicate')
  })

  it('gives a usage-export row the same identity under the old and the current usage header', async () => {
    const old = 'usage_date_utc,model_version,api_key,workspace,usage_type,usage_input_tokens_no_cache,usage_input_tokens_cache_write,usage_input_tokens_cache_read,usage_output_tokens\n2026-08-05,claude-opus-4-6,dev,Default,standard,100,50,25,10\n'
    const current =
      'usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed\n2026-08-05,claude-opus-4-6,dev,Default,standard,≤ 200k,100,50,0,25,10,0,global,\n'
    const [before, after] = await Promise.all([old, current].map(async (text) => storedCharges(await importBillingFile({ name: 'usage.csv', chunks: chunksOf(text, 64) }, options))))
    expect(before[0].format).toBe('anthropic-console-usage')
    expect(after.map((charge) => charge.identity)).toEqual(before.map((charge) => charge.identity))
  })
})
