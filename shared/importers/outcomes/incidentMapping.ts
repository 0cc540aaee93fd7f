/**
 * Incident CSVs of any other tool (Opsgenie, a status page, a spreadsheet) through a column
 * mapping saved as an import profile with target `incidents`: the billing import's mapping
 * machinery (customMapping.ts) pointed at incident fields, read into the same records as the
 * PagerDuty and incident.io readers (incidentDetails.ts).
 */
import type { BatchIssue } from '../../records/batch'
import type { Incident } from '../../records/outcome'
import type { ImportProfile } from '../../records/settings'
import { createImportProfile, mappingProblems, profileTarget, suggestColumns, type MappingSuggestion, type MappingTargets } from '../billing/customMapping'
import type { DateFormat } from '../billing/dates'
import { HeaderIndex } from '../csv/header'
import { columnReader } from './csvColumns'
import { incidentDetails } from './incidentDetails'
import { requiredInstant } from './outcomeFields'
import { OutcomeRowError, type CsvOutcomeFormat } from './outcomeFormat'

export const INCIDENT_TARGETS = ['id', 'title', 'service', 'created', 'acknowledged', 'resolved', 'severity', 'status'] as const
export type IncidentTarget = (typeof INCIDENT_TARGETS)[number]

const INCIDENT_MAPPING: MappingTargets<IncidentTarget> = {
  targets: INCIDENT_TARGETS,
  required: ['id', 'title', 'service', 'created'],
  synonyms: {
    id: ['tiny_id', 'tinyid', 'incident_id', 'reference', 'key', 'number', 'id', 'alias'],
    title: ['title', 'message', 'name', 'summary', 'description', 'subject'],
    service: ['service', 'service_name', 'impacted_services', 'affected_services', 'component', 'repository', 'repo'],
    created: ['created_at', 'createdat', 'created', 'opened_at', 'started_at', 'start_time', 'reported_at', 'date'],
    acknowledged: ['acknowledged_at', 'acknowledgedat', 'ack_time', 'first_ack_at', 'accepted_at'],
    resolved: ['resolved_at', 'resolvedat', 'closed_at', 'end_time', 'ended_at', 'mitigated_at'],
    severity: ['priority', 'severity', 'urgency', 'sev', 'level'],
    status: ['status', 'state'],
  },
  hints: { created: /creat|open|start/, resolved: /resolv|clos/, acknowledged: /ack/, service: /service|repo/, severity: /priorit|severit/ },
  dateTarget: 'created',
}

/** Proposes an incident mapping from the header names, and the date format from sample rows. */
export function suggestIncidentMapping(headerFields: readonly string[], sampleRows: readonly (readonly string[])[] = []): MappingSuggestion<IncidentTarget> {
  return suggestColumns(INCIDENT_MAPPING, headerFields, sampleRows)
}

export const NO_TOOL = 'name the tool the incidents come from'

/** Checks an incident mapping against a header before it is used; returns what is wrong, or []. */
export function validateIncidentMapping(profile: ImportProfile, headerFields: readonly string[]): string[] {
  const problems = mappingProblems(INCIDENT_MAPPING, profile, headerFields)
  if (!profile.provider.trim()) problems.push(NO_TOOL)
  return problems
}

/** A new incident profile for `headerFields`, recognised later by its header signature like a billing one. */
export function createIncidentProfile(input: { id: string; name: string; headerFields: readonly string[]; mapping: Record<string, string>; dateFormat: DateFormat; source: string; createdAt: string }): ImportProfile {
  const { source, ...rest } = input
  // Incidents carry no money; the schema's currency stays at its usual default.
  return createImportProfile({ ...rest, provider: source, defaultCurrency: 'USD', target: 'incidents' })
}

/** The saved incident profile whose header signature is this header's, if any. */
export function incidentProfileFor(header: HeaderIndex, profiles: readonly ImportProfile[]): ImportProfile | undefined {
  const signature = header.signature()
  return profiles.find((profile) => profileTarget(profile) === 'incidents' && profile.headerSignature === signature)
}

/**
 * The profile as an incident export format. Incidents are `<source>:<id>` and named by the id
 * cell (how people write them in branches and notes); dates are read in the profile's format.
 */
export function incidentProfileFormat(profile: ImportProfile): CsvOutcomeFormat<'incidents'> {
  const source = profile.provider.trim().toLowerCase()
  const dateFormat = profile.dateFormat as DateFormat
  const columns = (target: IncidentTarget) => (profile.mapping[target] ? [profile.mapping[target]] : [])
  return {
    input: 'csv',
    id: `custom:${profile.id}`,
    label: profile.name,
    kind: 'incidents',
    matches: (header) => header.signature() === profile.headerSignature,
    reader(header) {
      const problems = validateIncidentMapping(profile, header.names)
      if (problems.length > 0) throw new OutcomeRowError(`import profile "${profile.name}": ${problems.join('; ')}`)
      const id = columnReader(header, ...columns('id'))
      const title = columnReader(header, ...columns('title'))
      const service = columnReader(header, ...columns('service'))
      const created = header.find(...columns('created'))
      const details = incidentDetails(header, { severity: columns('severity'), status: columns('status'), url: [], acknowledged: columns('acknowledged'), resolved: columns('resolved') }, dateFormat)
      return (fields) => {
        const reference = id(fields)
        if (!reference) throw new OutcomeRowError(`"${profile.mapping.id}" (the incident id) is missing`)
        return {
          id: `${source}:${reference}`,
          source,
          names: [reference],
          title: title(fields),
          service: service(fields) || null,
          ...details(fields, requiredInstant(fields[created], header.names[created], dateFormat)),
        }
      }
    },
  }
}

/**
 * The incidents a few raw rows become under a (draft) incident profile, for the mapping
 * step's live preview; row `i` is reported as line `i + 2` (the header is line 1; a line break
 * quoted inside an earlier row would shift it, which the full import then reports exactly).
 */
export function previewMappedIncidents(profile: ImportProfile, headerFields: readonly string[], rows: readonly (readonly string[])[]): { incidents: Incident[]; errors: BatchIssue[] } {
  const incidents: Incident[] = []
  const errors: BatchIssue[] = []
  const read = incidentProfileFormat(profile).reader(new HeaderIndex(headerFields))
  rows.forEach((fields, index) => {
    try {
      incidents.push(read(fields))
    } catch (error) {
      if (!(error instanceof OutcomeRowError)) throw error
      errors.push({ line: index + 2, message: error.message })
    }
  })
  return { incidents, errors }
}
