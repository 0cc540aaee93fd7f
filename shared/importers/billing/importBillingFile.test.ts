import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Ledger } from '../../workspace/ledger'
import { utf8InScript, utf8Native } from '../../bytes/utf8Writer'
import { installUtf8Writer } from '../../hash/murmur3'
import { chunksOf } from '../text/decode'
import { describeIssue, importBillingFile, parseBillingFile, previewBillingFile } from './importBillingFile'
import { fixtureSource, storedCharges } from '../../../test/support/billingFixtures'

const HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd'
const row = (day: string, cost: string, tokenType = 'output') => `${day},Claude Sonnet 4.5,Default,k1,message,${tokenType},${cost}`
const source = (text: string, name = 'cost.csv') => ({ name, chunks: chunksOf(text, 16) })
const options = { importedAt: '2026-11-29T00:00:00.000Z' }

describe('importBillingFile: bad files', () => {
  it('rejects a file with bad rows, naming each line and its reason, and imports nothing', async () => {
    const result = await importBillingFile(fixtureSource('anthropic-cost-bad.csv'), options)
    expect(result.status).toBe('rejected')
    expect(result.records).toBe(0)
    expect(storedCharges(result)).toEqual([])
    expect(result.batch).toBeNull()
    expect(result.totals).toEqual({})
    expect(result.errors.map((issue) => describeIssue('anthropic-cost-bad.csv', issue))).toEqual([
      'anthropic-cost-bad.csv:3: usage_date_utc "2026-13-01" is not a date (iso)',
      'anthropic-cost-bad.csv:4: cost_usd "abc" is not an amount',
      'anthropic-cost-bad.csv:5: expected 7 columns, found 6',
    ])
  })

  it('with skipBadRows imports the good rows and lists the skipped lines in the batch', async () => {
    const result = await importBillingFile(fixtureSource('anthropic-cost-bad.csv'), { ...options, skipBadRows: true })
    expect(result.status).toBe('ok')
    expect(result.records).toBe(2)
    expect(result.totals).toEqual({ USD: '5.00' })
    expect(result.batch?.meta.skipped.map((issue) => issue.line)).toEqual([3, 4, 5])
    expect(storedCharges(result).map((charge) => charge.source.line)).toEqual([2, 6])
  })

  it('lists at least the first 20 bad lines of a very bad file and counts the rest', async () => {
    const lines = [HEADER, ...Array.from({ length: 80 }, (_, i) => row('2026-08-01', `x${i}`))]
    const result = await parseBillingFile(source(lines.join('\n')))
    expect(result.status).toBe('rejected')
    expect(result.errors.length).toBeGreaterThanOrEqual(20)
    expect(result.errors.slice(0, 20).map((issue) => issue.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
    expect(result.warnings).toEqual([{ line: 51, message: 'stopped reading after 50 bad lines' }])
    const skipping = await parseBillingFile(source(lines.join('\n')), { skipBadRows: true, maxErrors: 20 })
    expect(skipping).toMatchObject({ status: 'rejected', records: 0, errorCount: 80 })
    expect(skipping.errors).toHaveLength(20)
    expect(skipping.warnings).toEqual([{ line: 21, message: '60 more bad lines not listed' }])
    const firstBadOnly = await parseBillingFile(source(lines.join('\n')), { maxErrors: 1 })
    expect(firstBadOnly.warnings).toEqual([{ line: 2, message: 'stopped reading after 1 bad line' }])
  })

  it('rejects empty files, unknown layouts and unclosed quotes at a line', async () => {
    expect((await importBillingFile(source(''), options)).errors).toEqual([{ line: 1, message: 'the file is empty' }])
    const unknown = await importBillingFile(source('when,what,how much\n2026-01-01,x,1\n'), options)
    expect(unknown.status).toBe('rejected')
    expect(unknown.errors[0].line).toBe(1)
    expect(unknown.errors[0].message).toContain('map its columns with an import profile')
    const unclosed = await importBillingFile(source(`${HEADER}\n${row('2026-08-01', '1')}\n2026-08-02,"Claude,Default,k1,message,output,2\n`), options)
    expect(unclosed.status).toBe('rejected')
    expect(unclosed.errors).toEqual([{ line: 3, message: 'a quoted value never closes (unbalanced ")' }])
  })

  it('accepts a header-only file (with a warning), blank and all-empty lines, and repeated header lines', async () => {
    const headerOnly = await importBillingFile(source(`${HEADER}\r\n\r\n`), options)
    expect(headerOnly).toMatchObject({ status: 'ok', records: 0, warnings: [{ line: 1, message: 'the file has a header but no rows' }] })
    const pasted = await importBillingFile(source(`${HEADER}\n${row('2026-08-01', '1')}\n,,,,,,\n${HEADER}\n${row('2026-08-02', '2')}\n\n`), options)
    expect(pasted).toMatchObject({ status: 'ok', records: 2, totals: { USD: '3' } })
    expect(pasted.warnings).toEqual([{ line: 4, message: 'repeated header line skipped' }])
  })

  it('keeps zero-cost rows and says so once, at the first; a tokens-only export has no money total', async () => {
    const zeros = await importBillingFile(source(`${HEADER}\n${row('2026-08-01', '1.50')}\n${row('2026-08-02', '0.00')}\n${row('2026-08-03', '-0')}\n`), options)
    expect(zeros).toMatchObject({ status: 'ok', records: 3, totals: { USD: '1.50' } })
    expect(zeros.warnings).toEqual([{ line: 3, message: '2 rows cost 0 (kept; the first is on this line)' }])
    const usage = await importBillingFile(fixtureSource('anthropic-usage.csv'), options)
    expect(usage).toMatchObject({ status: 'ok', records: 2, totals: {}, warnings: [] })
  })
})

describe('importBillingFile: batches in the ledger', () => {
  it('without encoding the batch (a check that stores nothing) reports the same and gives the identities the batch would carry', async () => {
    const text = `${HEADER}\n${row('2026-08-01', '1.00')}\n${row('2026-08-01', '1.00')}\n${row('2026-08-02', '0.00', 'input')}\n`
    const encoded = await importBillingFile(source(text), options)
    const checked = await importBillingFile(source(text), { ...options, encodeBatch: false })
    expect(checked.batch).toBeNull()
    expect(encoded.batch!.meta.records).toBe(3)
    const { batch: _batch, identities, ...summary } = checked
    // A check's identities are made when first read (ChargeIdentityLog): as a map, the batch's.
    expect(new Map(identities)).toEqual(new Map(encoded.batch!.identities))
    expect(new Map(identities)).toEqual(new Map(encoded.identities))
    expect({ ...encoded, batch: null, identities }).toEqual({ ...summary, batch: null, identities })
    // A single file's check need not keep them: the same report, no identities.
    const alone = await importBillingFile(source(text), { ...options, encodeBatch: false, keepIdentities: false })
    expect({ ...alone, identities: null }).toEqual({ ...checked, identities: null })
    expect(alone.identities.size).toBe(0)
    // A file without rows still gets its (empty) batch, so the same empty file named twice is one.
    const empty = await importBillingFile(source(`${HEADER}\n`), { ...options, encodeBatch: false })
    expect(empty.batch!.meta.id).toBe((await importBillingFile(source(`${HEADER}\n`), options)).batch!.meta.id)
    expect((await importBillingFile(source(`${HEADER}\n2026-08-01,x\n`), { ...options, encodeBatch: false })).identities.size).toBe(0)
  })
  it('the same file twice is one batch: the second add says "duplicate"', async () => {
    const ledger = new Ledger(new Y.Doc())
    const first = await importBillingFile(fixtureSource('anthropic-cost-2026-08.csv'), options)
    const again = await importBillingFile(fixtureSource('anthropic-cost-2026-08.csv', 11), { importedAt: '2026-11-30T00:00:00.000Z' })
    // The batch carries its rows' identities, computed as they were read: the ledger compares those.
    expect([...first.batch!.identities]).toEqual([['anthropic-console-cost', storedCharges(first).map((charge) => charge.identity)]])
    expect(ledger.add(first.batch!)).toBe('added')
    expect(again.batch!.meta.id).toBe(first.batch!.meta.id)
    expect(ledger.add(again.batch!)).toBe('duplicate')
    expect(ledger.charges().records).toHaveLength(4)
  })

  it("hashes its rows' keys with the UTF-8 writer installed: the script's gives the batch and the check TextEncoder's give", async () => {
    // Keys with two-, three- and four-byte characters, and a repeated row (its occurrence numbered).
    const text = [HEADER, '2026-08-01,Claude Sonnet 4.5,Zürich,k1,message,output,1.00', '2026-08-01,Claude Sonnet 4.5,≤ 1 € 😀,k1,message,output,2.00', row('2026-08-02', '3.00'), row('2026-08-02', '3.00')].join('\n')
    const written: string[] = []
    for (const encodeBatch of [true, false]) {
      written.length = 0
      const native = await importBillingFile(source(text), { ...options, encodeBatch })
      installUtf8Writer((key, into) => (written.push(key), utf8InScript(key, into)))
      try {
        const scripted = await importBillingFile(source(text), { ...options, encodeBatch })
        // Each row's key, and the repeat's numbered one as its stored identity hashes it.
        expect(written.map((key) => key.split('\u001f')[2])).toEqual(['Zürich', '≤ 1 € 😀', 'Default', 'Default', 'Default'])
        expect(written[4]).toBe(`${written[3]}\u001f#1`)
        expect(scripted).toEqual(native)
      } finally {
        installUtf8Writer(utf8Native)
      }
    }
  })

  it('reads an export re-saved in Windows-1252, on the byte path and the text path', async () => {
    const text = `${HEADER}\r\n2026-08-01,Claude Sonnet 4.5,Zürich,key – prod,message,output,€1.00\r\n`
    const bytes = Uint8Array.from([...text].map((char) => ({ 'ü': 0xfc, '–': 0x96, '€': 0x80 })[char] ?? char.charCodeAt(0)))
    for (const latin1 of [undefined, (chunk: Uint8Array) => String.fromCharCode(...chunk)]) {
      const result = await importBillingFile({ name: 'ansi.csv', chunks: chunksOf(bytes, 16), latin1 }, options)
      expect(result.errors).toEqual([])
      expect(storedCharges(result)).toMatchObject([{ workspace: 'Zürich', apiKey: 'key – prod', cost: '1.00' }])
    }
  })

  it('reads an ANSI byte that first appears past the sniffed 64 KiB as Windows-1252, on both paths', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => row(`2026-08-${String((i % 28) + 1).padStart(2, '0')}`, '1.00'))
    const text = [HEADER, ...rows, '2026-08-01,Claude Sonnet 4.5,Zürich,k1,message,output,€1.00'].join('\n')
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(64 * 1024)
    const bytes = Uint8Array.from([...text].map((char) => ({ 'ü': 0xfc, '€': 0x80 })[char] ?? char.charCodeAt(0)))
    for (const latin1 of [undefined, (chunk: Uint8Array) => String.fromCharCode(...chunk)]) {
      const result = await importBillingFile({ name: 'late.csv', chunks: chunksOf(bytes, 4093), latin1 }, options)
      expect(result.errors).toEqual([])
      expect(result.totals).toEqual({ USD: '1501.00' })
      expect(storedCharges(result).find((charge) => charge.source.line === 1502)).toMatchObject({ workspace: 'Zürich', cost: '1.00' })
    }
  })

  it('names a character an earlier conversion lost (U+FFFD in the file) when it breaks an amount', async () => {
    const result = await importBillingFile(source(`${HEADER}\n${row('2026-08-01', '\uFFFD1.00')}\n`), options)
    expect(result.errors).toEqual([{ line: 2, message: 'cost_usd "\uFFFD1.00" is not an amount; "\uFFFD" marks a character lost by an earlier conversion: use the original export' }])
  })

  it('rows present in two overlapping exports count once', async () => {
    const ledger = new Ledger(new Y.Doc())
    const july = await importBillingFile(source([HEADER, row('2026-07-31', '1.10'), row('2026-08-01', '2.20')].join('\n'), 'jul.csv'), options)
    const august = await importBillingFile(source([HEADER, row('2026-08-01', '2.20'), row('2026-08-02', '3.30')].join('\n'), 'aug.csv'), options)
    ledger.add(july.batch!)
    ledger.add(august.batch!)
    const charges = ledger.charges().records
    expect(charges.map((charge) => charge.cost).sort()).toEqual(['1.10', '2.20', '3.30'])
  })

  it('reports progress in bytes and rows, and previews the first rows as stored', async () => {
    // Past the first 64 KiB, which are read whole to sniff the encoding.
    const text = [HEADER, ...Array.from({ length: 3000 }, (_, i) => row(`2026-08-${String((i % 28) + 1).padStart(2, '0')}`, `${i}.25`))].join('\n')
    const seen: { bytes: number; rows: number }[] = []
    const result = await parseBillingFile(source(text), { onProgress: (progress) => seen.push(progress) })
    expect(result.records).toBe(3000)
    expect(seen.at(-1)).toEqual({ bytes: new TextEncoder().encode(text).length, rows: 3000 })
    expect(seen.length).toBeGreaterThan(2)
    const preview = await previewBillingFile(source(text), { rows: 3 })
    expect(preview.format).toBe('anthropic-console-cost')
    expect(preview.charges.map((charge) => [charge.start, charge.cost])).toEqual([
      ['2026-08-01T00:00:00.000Z', '0.25'],
      ['2026-08-02T00:00:00.000Z', '1.25'],
      ['2026-08-03T00:00:00.000Z', '2.25'],
    ])
  })

  it('stores people as salted pseudonyms unless attribution is on', async () => {
    const pseudonymous = await importBillingFile(fixtureSource('cursor-usage-events-2026-08-31.csv'), { ...options, pseudonymSalt: 's1' })
    const otherSalt = await importBillingFile(fixtureSource('cursor-usage-events-2026-08-31.csv'), { ...options, pseudonymSalt: 's2' })
    const attributed = await importBillingFile(fixtureSource('cursor-usage-events-2026-08-31.csv'), { ...options, attribution: true })
    expect(storedCharges(pseudonymous)[0].user).toMatch(/^p-[0-9a-f]{12}$/)
    expect(storedCharges(pseudonymous)[0].user).toBe(storedCharges(pseudonymous)[1].user)
    expect(storedCharges(otherSalt)[0].user).not.toBe(storedCharges(pseudonymous)[0].user)
    expect(storedCharges(attributed)[0].user).toBe('ana@acme.test')
    expect(JSON.stringify(storedCharges(pseudonymous))).not.toContain('acme.test')
  })

  it('can be told the format instead of detecting it', async () => {
    const wrong = await parseBillingFile(fixtureSource('anthropic-cost-2024-12.csv'), { format: 'openai-cost' })
    expect(wrong.errors).toEqual([{ line: 1, message: 'the header lacks columns a openai-cost file has: start_time, end_time, amount_value, amount_currency' }])
    const right = await parseBillingFile(fixtureSource('anthropic-cost-2024-12.csv'), { format: 'anthropic-console-cost' })
    expect(right).toMatchObject({ status: 'ok', records: 4 })
    const unknown = await parseBillingFile(fixtureSource('anthropic-cost-2024-12.csv'), { format: 'nope' })
    expect(unknown.errors).toEqual([{ line: 1, message: 'unknown format "nope"' }])
  })
})
