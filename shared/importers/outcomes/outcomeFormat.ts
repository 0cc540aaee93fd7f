import type { HeaderIndex } from '../csv/header'
import type { Incident, OutcomeBatchKind, OutcomeMetric, PullRequest } from '../../records/outcome'

/** A record the file cannot give: the whole file is rejected with this reason at its line. */
export class OutcomeRowError extends Error {}

export interface OutcomeRecords {
  pullRequests: PullRequest
  incidents: Incident
  metrics: OutcomeMetric
}

/** A JSON export of outcomes (a list of objects), recognised by the fields of its first record. */
export interface JsonOutcomeFormat<K extends OutcomeBatchKind = OutcomeBatchKind> {
  input: 'json'
  id: string
  label: string
  kind: K
  matches(first: Record<string, unknown>): boolean
  read(item: Record<string, unknown>): OutcomeRecords[K]
}

/** A CSV export of outcomes, recognised by its header. */
export interface CsvOutcomeFormat<K extends OutcomeBatchKind = OutcomeBatchKind> {
  input: 'csv'
  id: string
  label: string
  kind: K
  matches(header: HeaderIndex): boolean
  /** A reader for rows under this header (columns are looked up once). */
  reader(header: HeaderIndex): (fields: readonly string[]) => OutcomeRecords[K]
}

export type OutcomeFormat = JsonOutcomeFormat | CsvOutcomeFormat
