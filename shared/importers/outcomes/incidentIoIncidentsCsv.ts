import { requiredInstant } from './outcomeFields'
import { OutcomeRowError, type CsvOutcomeFormat } from './outcomeFormat'
import { columnReader } from './csvColumns'
import { incidentDetails } from './incidentDetails'

/**
 * incident.io's incidents CSV export (Incidents → Export): `ID, Reference, Name, Status,
 * Severity, Incident Type, Reported at, Accepted at, Resolved at, Closed at, …` plus one
 * column per custom field; the service comes from an "Affected services" (or "Service") field.
 * Role columns (incident lead, reporter) are never read.
 */
export const incidentIoIncidentsCsv: CsvOutcomeFormat<'incidents'> = {
  input: 'csv',
  id: 'incident-io-incidents',
  label: 'incident.io incidents (CSV)',
  kind: 'incidents',
  matches: (header) => header.has('Reference') && header.has('Name') && header.has('Severity') && header.has('Reported at', 'Created at', 'Declared at'),
  reader(header) {
    const id = columnReader(header, 'ID')
    const reference = columnReader(header, 'Reference')
    const name = columnReader(header, 'Name')
    const service = columnReader(header, 'Affected services', 'Affected service', 'Services', 'Service')
    const created = header.find('Reported at', 'Created at', 'Declared at')
    const details = incidentDetails(header, {
      severity: ['Severity'],
      status: ['Status'],
      url: ['Permalink', 'URL', 'Link'],
      acknowledged: ['Accepted at', 'Acknowledged at'],
      resolved: ['Resolved at', 'Closed at'],
    })
    return (fields) => {
      const ref = reference(fields)
      if (!ref) throw new OutcomeRowError('"Reference" is missing')
      const incidentId = id(fields)
      return {
        id: `incident.io:${ref}`,
        source: 'incident.io',
        names: [ref, ...(incidentId ? [incidentId] : [])],
        title: name(fields),
        // A multi-select field lists services with ", "; the first names the incident's service.
        service: service(fields).split(/\s*[,;]\s*/)[0] || null,
        ...details(fields, requiredInstant(fields[created], header.names[created])),
      }
    }
  },
}
