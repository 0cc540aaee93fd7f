import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Incident } from '../../records/outcome'
import { decodeBatchPayload } from '../../batches/batchPayload'
import { DATE_FORMATS, parseInstant } from '../billing/dates'
import { importOutcomeText } from './importOutcomeFile'
import { createIncidentProfile } from './incidentMapping'

const HEADER = ['Key', 'Summary', 'Repo', 'Opened', 'Acked', 'Closed', 'Sev', 'State']
const MAPPING = { id: 'Key', title: 'Summary', service: 'Repo', created: 'Opened', acknowledged: 'Acked', resolved: 'Closed', severity: 'Sev', status: 'State' }
const AT = '2026-03-01T00:00:00.000Z'

const profileIn = (dateFormat: (typeof DATE_FORMATS)[number]) =>
  createIncidentProfile({ id: 'p', name: 'Mapped incidents', headerFields: HEADER, mapping: MAPPING, dateFormat, source: 'tracker', createdAt: AT })

/** A CSV cell that may hold anything, quoted so commas and line breaks stay inside it. */
const cellText = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '2026-02-03T10:00:00Z', '03/02/2026', '1770112800', 'INC-7', 'n/a'))
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`
const csv = (rows: readonly (readonly string[])[]) => [HEADER, ...rows].map((row) => row.map(quoted).join(',')).join('\n') + '\n'

describe('incident mapping on random and broken rows', () => {
  it('any rows give a batch of valid incidents or a rejection naming a row line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_FORMATS), fc.array(fc.array(cellText, { minLength: 0, maxLength: 9 }), { maxLength: 6 }), (dateFormat, rows) => {
        const text = csv(rows)
        const result = importOutcomeText({ name: 'random.csv', text }, AT, { profile: profileIn(dateFormat) })
        if (result.status === 'ok') {
          for (const record of decodeBatchPayload(result.batch!.payload)) expect(Incident.safeParse(record).success).toBe(true)
        } else {
          expect(result.batch).toBeNull()
          for (const error of result.errors) {
            expect(error.line).toBeGreaterThanOrEqual(1)
            expect(error.line).toBeLessThanOrEqual(text.split('\n').length)
            expect(error.message).not.toBe('')
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('well-formed rows are all kept, each created time read in the profile’s format', () => {
    const row = fc.record({
      key: fc.stringMatching(/^[A-Z]{2,4}-\d{1,4}$/),
      created: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
      title: fc.string({ maxLength: 30 }),
    })
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (r) => r.key }), (rows) => {
        const text = csv(rows.map((r) => [r.key, r.title, 'api', String(Math.floor(r.created.getTime() / 1000)), '', '', '', '']))
        const result = importOutcomeText({ name: 'ok.csv', text }, AT, { profile: profileIn('unix-seconds') })
        expect(result.errors).toEqual([])
        const incidents = decodeBatchPayload(result.batch!.payload) as Incident[]
        expect(incidents.map((incident) => incident.id).sort()).toEqual(rows.map((r) => `tracker:${r.key}`).sort())
        for (const r of rows) {
          const stored = incidents.find((incident) => incident.names[0] === r.key)!
          expect(stored.createdAt).toBe(parseInstant(String(Math.floor(r.created.getTime() / 1000)), 'unix-seconds'))
          expect(stored.title).toBe(r.title.trim())
        }
      }),
      { numRuns: 150 },
    )
  })

  it('one unreadable date among good rows rejects the file at that row’s line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('yesterday', '2026-13-40', '31/02/2026', 'soon'), (badAt, bad) => {
        const rows = Array.from({ length: 6 }, (_, index) => [`K-${index}`, 't', 'api', index === badAt ? bad : '2026-02-0' + (index + 1), '', '', '', ''])
        const result = importOutcomeText({ name: 'bad.csv', text: csv(rows) }, AT, { profile: profileIn('iso') })
        expect(result.status).toBe('rejected')
        expect(result.errors).toEqual([{ line: badAt + 2, message: `"Opened" is not a date and time: ${JSON.stringify(bad)}` }])
      }),
      { numRuns: 50 },
    )
  })
})
