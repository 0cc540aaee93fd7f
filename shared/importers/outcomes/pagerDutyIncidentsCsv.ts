import { requiredInstant } from './outcomeFields'
import { OutcomeRowError, type CsvOutcomeFormat } from './outcomeFormat'
import { columnReader } from './csvColumns'
import { incidentDetails } from './incidentDetails'

/**
 * PagerDuty's incidents CSV (the Incidents page and Analytics "Download CSV"): snake_case
 * `id, incident_number, description, status, urgency, service_name, created_on, resolved_on,
 * seconds_to_first_ack, seconds_to_resolve, …`, or the Analytics report's titled columns
 * ("Incident Number", "Service Name", "Created At", "Resolved At"). Who acknowledged or resolved
 * an incident (`*_by_user_*`, assignees) is never read.
 */
export const pagerDutyIncidentsCsv: CsvOutcomeFormat<'incidents'> = {
  input: 'csv',
  id: 'pagerduty-incidents',
  label: 'PagerDuty incidents (CSV)',
  kind: 'incidents',
  matches: (header) => header.has('incident_number') && header.has('created_on', 'created_at') && header.has('service_name', 'service'),
  reader(header) {
    const id = columnReader(header, 'id', 'incident_id')
    const number = columnReader(header, 'incident_number')
    const title = columnReader(header, 'title', 'description', 'summary')
    const service = columnReader(header, 'service_name', 'service')
    const created = header.find('created_on', 'created_at')
    const details = incidentDetails(header, {
      severity: ['urgency', 'priority', 'severity'],
      status: ['status'],
      url: ['html_url', 'url', 'incident_url'],
      acknowledged: ['acknowledged_on', 'acknowledged_at', 'first_acknowledged_at'],
      acknowledgedSeconds: ['seconds_to_first_ack'],
      resolved: ['resolved_on', 'resolved_at'],
      resolvedSeconds: ['seconds_to_resolve'],
    })
    return (fields) => {
      const incidentNumber = number(fields)
      if (!/^\d+$/.test(incidentNumber)) throw new OutcomeRowError(`"incident_number" is ${JSON.stringify(incidentNumber)}, not a number`)
      const pagerDutyId = id(fields)
      return {
        id: `pagerduty:${incidentNumber}`,
        source: 'pagerduty',
        // People write "PD-1234"; "#1234" is too common to mean an incident. PagerDuty's own id is unique.
        names: [`PD-${incidentNumber}`, ...(pagerDutyId ? [pagerDutyId] : [])],
        title: title(fields),
        service: service(fields) || null,
        ...details(fields, requiredInstant(fields[created], header.names[created])),
      }
    }
  },
}
