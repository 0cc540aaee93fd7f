import type { DateFormat } from '../billing/dates'
import type { HeaderIndex } from '../csv/header'
import type { Incident } from '../../records/outcome'
import { columnReader, instantColumn } from './csvColumns'

/** Each incident export's names for the columns every one of them has in some form. */
export interface IncidentColumnNames {
  severity: string[]
  status: string[]
  url: string[]
  acknowledged: string[]
  resolved: string[]
  /** Seconds after creation, read when the instant columns are absent (PagerDuty's `seconds_to_*`). */
  acknowledgedSeconds?: string[]
  resolvedSeconds?: string[]
}

/** A reader of the details an incident export shares with the others: severity, status, when it was acknowledged and resolved, its page. */
export function incidentDetails(header: HeaderIndex, names: IncidentColumnNames, dateFormat: DateFormat = 'iso') {
  const severity = columnReader(header, ...names.severity)
  const status = columnReader(header, ...names.status)
  const url = columnReader(header, ...names.url)
  const acknowledged = instantColumn(header, names.acknowledged, names.acknowledgedSeconds, dateFormat)
  const resolved = instantColumn(header, names.resolved, names.resolvedSeconds, dateFormat)
  return (fields: readonly string[], createdAt: string): Pick<Incident, 'severity' | 'status' | 'createdAt' | 'acknowledgedAt' | 'resolvedAt' | 'url'> => ({
    severity: severity(fields) || null,
    status: status(fields) || null,
    createdAt,
    acknowledgedAt: acknowledged(fields, createdAt),
    resolvedAt: resolved(fields, createdAt),
    url: url(fields) || null,
  })
}
