import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sumDecimalStrings } from '../../money/decimal'
import { Ledger } from '../../workspace/ledger'
import { chunksOf } from '../text/decode'
import { importBillingFile } from './importBillingFile'
import { GroupedOpenAiBuckets, withoutCoveredOrganizationTotals } from '../../batches/openaiOrganizationTotals'

const HEADER = 'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name\n'
const DAY_1 = '1759276800,1759363200,2025-10-01T00:00:00+00:00,2025-10-02T00:00:00+00:00'
const DAY_2 = '1759363200,1759449600,2025-10-02T00:00:00+00:00,2025-10-03T00:00:00+00:00'
/** The same two days, grouped by line item (day 1 only) and ungrouped (one total per day). */
const GROUPED = `${HEADER}${DAY_1},2.5,usd,"gpt-5, input_tokens",proj_1,org_1,Acme\n${DAY_1},0.75,usd,"gpt-5, output_tokens",proj_1,org_1,Acme\n`
const UNGROUPED = `${HEADER}${DAY_1},3.25,usd,,,org_1,Acme\n${DAY_2},1.10,usd,,,org_1,Acme\n`

const load = (text: string, name: string) => importBillingFile({ name, chunks: chunksOf(text, 64) }, { importedAt: '2026-11-29T00:00:00.000Z' })

describe('OpenAI organisation totals', () => {
  it('an ungrouped export imports, saying its rows are organisation totals', async () => {
    const result = await load(UNGROUPED, 'cost_ungrouped.csv')
    expect(result).toMatchObject({ status: 'ok', records: 2, totals: { USD: '4.35' } })
    expect(result.warnings).toEqual([{ line: 2, message: 'rows without line_item or project are organisation totals: for days a grouped export also covers, its rows count instead' }])
    expect((await load(GROUPED, 'cost_grouped.csv')).warnings).toEqual([])
  })

  it('in the ledger, a day held both grouped and as a total counts once (the grouped rows), in either import order', async () => {
    for (const order of [[GROUPED, UNGROUPED], [UNGROUPED, GROUPED]]) {
      const ledger = new Ledger(new Y.Doc())
      for (const [index, text] of order.entries()) {
        const { batch } = await load(text, `cost_${index}.csv`)
        expect(ledger.add(batch!)).toBe('added')
      }
      const charges = ledger.charges().records
      expect(charges.map((charge) => [charge.start.slice(0, 10), charge.model, charge.cost])).toEqual(expect.arrayContaining([
        ['2025-10-01', 'gpt-5', '2.5'],
        ['2025-10-01', 'gpt-5', '0.75'],
        ['2025-10-02', null, '1.10'],
      ]))
      expect(charges).toHaveLength(3)
      expect(sumDecimalStrings(charges.map((charge) => charge.cost))).toBe('4.35')
    }
  })

  it('a total is only left out for its own bucket and organisation', () => {
    const row = (start: string, account: string | null, model: string | null) => ({ format: 'openai-cost', start, end: null, model, project: null, account })
    const totals = [row('d1', 'org_1', null), row('d1', 'org_2', null), row('d2', 'org_1', null), row('d1', null, null)]
    const kept = withoutCoveredOrganizationTotals([row('d1', 'org_1', 'gpt-5'), ...totals, { ...row('d2', 'org_1', null), format: 'focus' }])
    expect(kept).toEqual([row('d1', 'org_1', 'gpt-5'), row('d1', 'org_2', null), row('d2', 'org_1', null), { ...row('d2', 'org_1', null), format: 'focus' }])
  })

  it('knows the buckets grouped rows cover whatever order they come in (property)', () => {
    const day = fc.constantFrom('2025-10-01T00:00:00.000Z', '2025-10-02T00:00:00.000Z')
    const row = fc.record({ start: day, end: fc.oneof(day, fc.constant(null)), account: fc.constantFrom('org_1', 'org_2', null), model: fc.constant('gpt-5'), project: fc.constant(null) })
    const probe = fc.record({ start: day, end: fc.oneof(day, fc.constant(null)), account: fc.constantFrom('org_1', 'org_2', null), model: fc.constant(null), project: fc.constant(null) })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(probe, { minLength: 1, maxLength: 6 }), (rows, probes) => {
        const inOrder = new GroupedOpenAiBuckets()
        const oneByOne = rows.map((each) => {
          const single = new GroupedOpenAiBuckets()
          single.note({ ...each, format: 'openai-cost' })
          return single
        })
        for (const each of rows) inOrder.note({ ...each, format: 'openai-cost' })
        for (const total of probes) {
          const expected = oneByOne.some((single) => single.covers({ ...total, format: 'openai-cost' }))
          expect(inOrder.covers({ ...total, format: 'openai-cost' })).toBe(expected)
        }
      }),
    )
  })
})
