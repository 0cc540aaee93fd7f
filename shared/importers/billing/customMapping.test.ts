import { describe, expect, it } from 'vitest'
import { ImportProfile } from '../../records/settings'
import { chunksOf } from '../text/decode'
import { createImportProfile, guessDateFormat, suggestMapping, validateMapping } from './customMapping'
import { importBillingFile, previewBillingFile } from './importBillingFile'
import { fixtureSource, storedCharges } from '../../../test/support/billingFixtures'

const HEADER = ['Invoice Date', 'Service', 'Model Name', 'Team', 'Amount', 'Currency', 'Labels']
const SAMPLES = [
  ['03/07/2026', 'LLM API', 'acme-large', 'platform', '$1,234.56', 'USD', 'team=platform'],
  ['15/07/2026', 'LLM API', 'acme-small', 'web', '(987.65)', 'USD', ''],
]

function invoiceProfile(overrides: Partial<ImportProfile> = {}): ImportProfile {
  const suggestion = suggestMapping(HEADER, SAMPLES)
  return createImportProfile({
    id: 'acme-invoice',
    name: 'Acme LLM invoice',
    headerFields: HEADER,
    mapping: { ...suggestion.mapping, project: 'Team' },
    dateFormat: suggestion.dateFormat,
    provider: 'acme',
    defaultCurrency: 'USD',
    createdAt: '2026-11-29T00:00:00.000Z',
    ...overrides,
  } as Parameters<typeof createImportProfile>[0])
}

describe('custom column mapping', () => {
  it('suggests a mapping from the header and the date format from sample rows', () => {
    const suggestion = suggestMapping(HEADER, SAMPLES)
    expect(suggestion.mapping).toMatchObject({ date: 'Invoice Date', amount: 'Amount', currency: 'Currency', model: 'Model Name', service: 'Service', tags: 'Labels' })
    expect(suggestion.dateFormat).toBe('DD/MM/YYYY')
    expect(suggestion.missing).toEqual([])
    expect(suggestMapping(['foo', 'bar']).missing).toEqual(['date', 'amount'])
    expect(guessDateFormat(['07/15/2026'])).toBe('MM/DD/YYYY')
    expect(guessDateFormat(['1788220800'])).toBe('unix-seconds')
    expect(guessDateFormat(['2026-07-15T10:00:00Z'])).toBe('iso')
  })

  it('a saved profile is a valid ImportProfile and is picked by its header signature', async () => {
    const profile = invoiceProfile()
    expect(ImportProfile.safeParse(profile).success).toBe(true)
    expect(validateMapping(profile, HEADER)).toEqual([])
    const result = await importBillingFile(fixtureSource('other-provider-invoice.csv'), { profiles: [profile], importedAt: '2026-11-29T00:00:00.000Z' })
    expect(result.errors).toEqual([])
    expect(result).toMatchObject({ status: 'ok', format: 'custom:acme-invoice', records: 3, totals: { USD: '246.91' } })
    expect(storedCharges(result)[0]).toMatchObject({ provider: 'acme', start: '2026-07-03T00:00:00.000Z', model: 'acme-large', service: 'LLM API', project: 'platform', cost: '1234.56', tags: { team: 'platform', env: 'prod' } })
    expect(storedCharges(result)[1]).toMatchObject({ cost: '-987.65', chargeType: 'credit', start: '2026-07-15T00:00:00.000Z' })
  })

  it('previews a file through a profile chosen by the user', async () => {
    const preview = await previewBillingFile(fixtureSource('other-provider-invoice.csv'), { format: invoiceProfile({ headerSignature: 'something else' }), rows: 2 })
    expect(preview.charges.map((charge) => charge.cost)).toEqual(['1234.56', '-987.65'])
  })

  it('reads amounts in cents when the profile says so, exactly', async () => {
    const text = 'day,cents\n2026-01-01,12345\n2026-01-02,0.5\n'
    const profile = createImportProfile({ id: 'c', name: 'cents', headerFields: ['day', 'cents'], mapping: { date: 'day', amount: 'cents' }, dateFormat: 'iso', provider: 'x', defaultCurrency: 'EUR', amountUnit: 'cents', createdAt: '' })
    const result = await importBillingFile({ name: 'c.csv', chunks: chunksOf(text) }, { profiles: [profile], importedAt: '2026-11-29T00:00:00.000Z' })
    expect(storedCharges(result).map((charge) => [charge.cost, charge.currency])).toEqual([['123.45', 'EUR'], ['0.005', 'EUR']])
  })

  it('rejects a profile that does not fit the file, saying why', async () => {
    const broken = invoiceProfile({ mapping: { date: 'Invoice Date', amount: 'Total' } })
    expect(validateMapping(broken, HEADER)).toEqual(['column "Total" (for amount) is not in the file'])
    const result = await importBillingFile(fixtureSource('other-provider-invoice.csv'), { format: broken })
    expect(result.status).toBe('rejected')
    expect(result.errors[0]).toEqual({ line: 1, message: 'import profile "Acme LLM invoice": column "Total" (for amount) is not in the file' })
  })
})
