import { requiredInstant } from './outcomeFields'
import { OutcomeRowError, type CsvOutcomeFormat } from './outcomeFormat'
import { columnReader, instantColumn } from './csvColumns'

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
    const severity = columnReader(header, 'urgency', 'priority', 'severity')
    const status = columnReader(header, 'status')
    const url = columnReader(header, 'html_url', 'url', 'incident_url')
    const created = header.find('created_on', 'created_at')
    const acknowledged = instantColumn(header, ['acknowledged_on', 'acknowledged_at', 'first_acknowledged_at'], ['seconds_to_first_ack'])
    const resolved = instantColumn(header, ['resolved_on', 'resolved_at'], ['seconds_to_resolve'])
    return (fields) => {
      const incidentNumber = number(fields)
      if (!/^\d+$/.test(incidentNumber)) throw new OutcomeRowError(`"incident_number" is ${JSON.stringify(incidentNumber)}, not a number`)
      const createdAt = requiredInstant(fields[created], header.names[created])
      const pagerDutyId = id(fields)
      return {
        id: `pagerduty:${incidentNumber}`,
        source: 'pagerduty',
        // People write "PD-1234", "#1234" is too common to mean an incident; PagerDuty's own id is unique.
        names: [`PD-${incidentNumber}`, ...(pagerDutyId ? [pagerDutyId] : [])],
        title: title(fields),
        service: service(fields) || null,
        severity: severity(fields) || null,
        status: status(fields) || null,
        createdAt,
        acknowledgedAt: acknowledged(fields, createdAt),
        resolvedAt: resolved(fields, createdAt),
        url: url(fields) || null,
      }
    }
  },
}
