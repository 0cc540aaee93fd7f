import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Incident } from '../../records/outcome'
import { ImportProfile } from '../../records/settings'
import { decodeBatchPayload } from '../../batches/batchPayload'
import { Governance } from '../../workspace/governance'
import { importBillingFile } from '../billing/importBillingFile'
import { chunksOf } from '../text/decode'
import { importOutcomeText, isOutcomeExport } from './importOutcomeFile'
import { createIncidentProfile, suggestIncidentMapping, validateIncidentMapping } from './incidentMapping'

const FILE = 'opsgenie-incidents.csv'
const TEXT = readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'outcomes', FILE), 'utf8')
const HEADER = TEXT.split('\n')[0].split(',')
const AT = '2026-03-01T00:00:00.000Z'

function opsgenieProfile(mapping?: Record<string, string>): ImportProfile {
  const suggestion = suggestIncidentMapping(HEADER, [['118', 'a', 'b', 'Resolved', 'P1', 's', 'o', '02/03/2026 14:05:00', '', '02/13/2026 15:40:00']])
  return createIncidentProfile({ id: 'opsgenie', name: 'Opsgenie incidents', headerFields: HEADER, mapping: mapping ?? suggestion.mapping, dateFormat: suggestion.dateFormat, source: 'Opsgenie', createdAt: AT })
}

describe('incident column mapping', () => {
  it('suggests the incident fields and the date format from an Opsgenie-style header', () => {
    const suggestion = suggestIncidentMapping(HEADER, [['118', '', '', '', '', '', '', '02/13/2026 14:05:00']])
    expect(suggestion.mapping).toEqual({ id: 'TinyId', title: 'Message', service: 'Impacted Services', created: 'CreatedAt', acknowledged: 'AcknowledgedAt', resolved: 'ResolvedAt', severity: 'Priority', status: 'Status' })
    expect(suggestion.dateFormat).toBe('MM/DD/YYYY')
    expect(suggestion.missing).toEqual([])
    expect(suggestIncidentMapping(['when', 'what']).missing).toEqual(['id', 'title', 'service', 'created'])
  })

  it('reads a file whose header an incident profile was saved for into the same incident records, no people kept', () => {
    const profile = opsgenieProfile()
    expect(ImportProfile.safeParse(profile).success).toBe(true)
    expect(isOutcomeExport(TEXT, [profile])).toBe(true)
    expect(isOutcomeExport(TEXT)).toBe(false)
    const result = importOutcomeText({ name: FILE, text: TEXT }, AT, { profiles: [profile] })
    expect(result).toMatchObject({ status: 'ok', format: 'custom:opsgenie', kind: 'incidents', records: 3, errors: [] })
    const incidents = decodeBatchPayload(result.batch!.payload) as Incident[]
    expect(incidents[0]).toEqual({
      id: 'opsgenie:118',
      source: 'opsgenie',
      names: ['118'],
      title: 'Checkout database latency above 2s',
      service: 'billing-service',
      severity: 'P1',
      status: 'Resolved',
      createdAt: '2026-02-03T14:05:00.000Z',
      acknowledgedAt: '2026-02-03T14:09:30.000Z',
      resolvedAt: '2026-02-03T15:40:00.000Z',
      url: null,
    })
    expect(incidents[2]).toMatchObject({ id: 'opsgenie:124', acknowledgedAt: '2026-02-20T22:20:00.000Z', resolvedAt: null })
    expect(JSON.stringify(incidents)).not.toContain('Dana')
    // The same rows in another order are the same batch.
    const [head, ...rows] = TEXT.trim().split('\n')
    const reordered = importOutcomeText({ name: 'other.csv', text: [head, ...rows.reverse()].join('\n') }, AT, { profiles: [profile] })
    expect(reordered.batch!.meta.id).toBe(result.batch!.meta.id)
  })

  it('rejects the whole file with line and reason for an unreadable date or a missing id', () => {
    const profile = opsgenieProfile()
    const broken = TEXT.replace('02/10/2026 09:00:00', '2026-02-10 09:00').replace('124,etl-backlog', ',etl-backlog')
    const result = importOutcomeText({ name: FILE, text: broken }, AT, { profiles: [profile] })
    expect(result).toMatchObject({ status: 'rejected', batch: null })
    expect(result.errors).toEqual([
      { line: 3, message: '"CreatedAt" is not a date and time: "2026-02-10 09:00"' },
      { line: 4, message: '"TinyId" (the incident id) is missing' },
    ])
  })

  it('says what is wrong with a mapping that does not fit the file', () => {
    const profile = opsgenieProfile({ id: 'TinyId', title: 'Message', service: 'Service', created: 'CreatedAt', due: 'CreatedAt' })
    expect(validateIncidentMapping(profile, HEADER)).toEqual(['column "Service" (for service) is not in the file', 'unknown mapping target "due"'])
    const result = importOutcomeText({ name: FILE, text: TEXT }, AT, { profile })
    expect(result.errors).toEqual([{ line: 1, message: 'import profile "Opsgenie incidents": column "Service" (for service) is not in the file; unknown mapping target "due"' }])
  })

  it('is no billing profile: a bill import does not read the file with it', async () => {
    const result = await importBillingFile({ name: FILE, chunks: chunksOf(TEXT) }, { profiles: [opsgenieProfile()] })
    expect(result.status).toBe('rejected')
    expect(result.errors[0].message).toContain('not a known billing export')
  })

  it('a profile saved before profiles had a target still loads, as a billing profile', () => {
    const governance = new Governance(new Y.Doc())
    const old = { id: 'acme', name: 'Acme invoice', headerSignature: 'day,cost', mapping: { date: 'day', amount: 'cost' }, dateFormat: 'iso', provider: 'acme', defaultCurrency: 'USD', createdAt: AT }
    governance.importProfiles.put(old as ImportProfile)
    const { records, problems } = governance.importProfiles.list()
    expect(problems).toEqual([])
    expect(records).toEqual([old])
  })
})
