import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Incident, OutcomeMetric, PullRequest } from '../../records/outcome'
import { decodeBatchPayload } from '../../batches/batchPayload'
import { importOutcomeText } from './importOutcomeFile'

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'outcomes')
const FILES = ['gh-pr-list-billing-service.json', 'github-rest-pulls-shop.json', 'gitlab-merge-requests-sensor-etl.json', 'pagerduty-incidents.csv', 'incident-io-incidents.csv', 'outcome-metrics.csv']
const texts = FILES.map((file) => readFileSync(join(FIXTURES, file), 'utf8'))
const SCHEMAS = { pullRequests: PullRequest, incidents: Incident, metrics: OutcomeMetric }
const AT = '2026-03-01T00:00:00.000Z'

/** Whatever the input, the importer answers: a batch of valid records, or a rejection with a line. */
function expectWellFormed(text: string, lineCount: number) {
  const result = importOutcomeText({ name: 'input', text }, AT)
  if (result.status === 'ok') {
    expect(result.errors).toEqual([])
    const records = decodeBatchPayload(result.batch!.payload)
    expect(records).toHaveLength(result.records)
    for (const record of records) expect(SCHEMAS[result.kind!].safeParse(record).success).toBe(true)
  } else {
    expect(result.batch).toBeNull()
    expect(result.errors.length).toBeGreaterThan(0)
    for (const error of result.errors) {
      expect(error.line).toBeGreaterThanOrEqual(1)
      expect(error.line).toBeLessThanOrEqual(lineCount + 1)
      expect(error.message).not.toBe('')
    }
  }
}

describe('importOutcomeText on random and broken input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectWellFormed(text, text.split('\n').length)),
      { numRuns: 300 },
    )
  })

  it('never throws on JSON values of any shape', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), (values) => {
        const text = JSON.stringify(values, null, 1)
        expectWellFormed(text, text.split('\n').length)
      }),
      { numRuns: 300 },
    )
  })

  it('a real export cut short, or with characters dropped or changed, is imported valid or rejected with a line', () => {
    fc.assert(
      fc.property(fc.nat(FILES.length - 1), fc.nat(), fc.nat(), fc.constantFrom('', '"', ',', '{', ']', '\n', 'x', '9'), (file, at, length, replacement) => {
        const text = texts[file]
        const start = at % text.length
        const broken = text.slice(0, start) + replacement + text.slice(start + (length % 12))
        expectWellFormed(broken, broken.split('\n').length)
      }),
      { numRuns: 400 },
    )
  })

  it('a PR list of random records keeps every valid one once, and never an author', () => {
    const pull = fc.record({
      number: fc.nat(50),
      url: fc.constantFrom('https://github.com/a/one/pull/', 'https://github.com/b/two/pull/'),
      state: fc.constantFrom('OPEN', 'MERGED', 'CLOSED'),
      headRefName: fc.stringMatching(/^[a-z][a-z/-]{0,12}$/),
      createdAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
      author: fc.record({ login: fc.constantFrom('alice-secret', 'app/dependabot'), is_bot: fc.boolean() }),
    })
    fc.assert(
      fc.property(fc.array(pull, { minLength: 1, maxLength: 20 }), (pulls) => {
        const items = pulls.map((p) => ({ ...p, url: p.url + p.number, mergedAt: p.state === 'MERGED' ? p.createdAt : null }))
        const result = importOutcomeText({ name: 'prs.json', text: JSON.stringify(items) }, AT)
        expect(result.status).toBe('ok')
        expect(result.records).toBe(new Set(items.map((item) => item.url)).size)
        expect(new TextDecoder().decode(result.batch!.payload)).not.toContain('alice-secret')
      }),
      { numRuns: 200 },
    )
  })
})

describe('incident and metrics CSVs with random cells', () => {
  const cellText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '2026-02-12T08:40:00Z', '2026-02-12 14:12:00 UTC', '180', '-1.5', 'INC-9', '"', ','))
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  const headers = [texts[3].split(/\r?\n/)[0], texts[4].split(/\r?\n/)[0], texts[5].split(/\r?\n/)[0]]

  it('each row is read or the file is rejected at a row\u2019s line, never a crash', () => {
    fc.assert(
      fc.property(fc.nat(headers.length - 1), fc.array(fc.array(cellText, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 }), (which, rows) => {
        const text = [headers[which], ...rows.map((row) => row.map(quote).join(','))].join('\n')
        expectWellFormed(text, rows.length + 1)
      }),
      { numRuns: 300 },
    )
  })
})
