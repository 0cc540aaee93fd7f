import type { BatchIssue } from '../../records/batch'
import type { OutcomeBatchKind } from '../../records/outcome'
import type { ImportProfile } from '../../records/settings'
import { type Batch, createBatch } from '../../batches/batch'
import type { HeaderIndex } from '../csv/header'
import { CsvSyntaxError } from '../csv/tokenizer'
import { csvRows } from './csvRows'
import { githubPrListJson } from './githubPrListJson'
import { githubRestPulls } from './githubRestPulls'
import { gitlabMergeRequests } from './gitlabMergeRequests'
import { incidentIoIncidentsCsv } from './incidentIoIncidentsCsv'
import { incidentProfileFor, incidentProfileFormat } from './incidentMapping'
import { JsonShapeError, jsonListItems } from './jsonItems'
import { OutcomeRowError, type OutcomeFormat } from './outcomeFormat'
import { outcomeMetricsCsv } from './outcomeMetricsCsv'
import { pagerDutyIncidentsCsv } from './pagerDutyIncidentsCsv'

/** Every outcome export Workfolio reads, recognised by shape (fields or header), never by file name. */
export const OUTCOME_FORMATS: readonly OutcomeFormat[] = [githubPrListJson, githubRestPulls, gitlabMergeRequests, pagerDutyIncidentsCsv, incidentIoIncidentsCsv, outcomeMetricsCsv]

export interface OutcomeImportResult {
  status: 'ok' | 'rejected'
  format: string | null
  kind: OutcomeBatchKind | null
  records: number
  errors: BatchIssue[]
  warnings: BatchIssue[]
  batch: Batch | null
}

/** Errors listed per file before the rest are summarised: a wrong file would otherwise list every row. */
const MAX_ERRORS = 20

type Parsed = { format: OutcomeFormat; rows: { line: number; read: () => { id: string } }[] }

export interface OutcomeImportOptions {
  /** The team's import profiles: a CSV no built-in format knows is read with the incident profile saved for its header. */
  profiles?: readonly ImportProfile[]
  /** Read a CSV with this incident profile instead of detecting (the mapping step's draft). */
  profile?: ImportProfile
}

/**
 * Reads one outcome export into one immutable batch, or rejects it whole (a bad record names
 * its line and reason; nothing is stored). The same PR twice in one file (overlapping pages)
 * is kept once with a warning. Records are ordered by id, so one export saved in another
 * order is the same batch.
 */
export function importOutcomeText(file: { name: string; text: string }, importedAt: string, options: OutcomeImportOptions = {}): OutcomeImportResult {
  const rejected = (errors: BatchIssue[], format: OutcomeFormat | null = null): OutcomeImportResult => ({ status: 'rejected', format: format?.id ?? null, kind: format?.kind ?? null, records: 0, errors, warnings: [], batch: null })
  let parsed: Parsed | BatchIssue
  try {
    parsed = /^\s*\[/.test(file.text) ? parseJson(file.text) : parseCsv(file.text, options)
  } catch (error) {
    if (error instanceof JsonShapeError || error instanceof CsvSyntaxError) return rejected([{ line: error.line, message: error.message }])
    // A profile that does not fit the file's header: the header's line.
    if (error instanceof OutcomeRowError) return rejected([{ line: 1, message: error.message }])
    throw error
  }
  if (!('format' in parsed)) return rejected([parsed])
  const { format, rows } = parsed

  const byId = new Map<string, { id: string }>()
  const errors: BatchIssue[] = []
  const warnings: BatchIssue[] = []
  for (const row of rows) {
    try {
      const record = row.read()
      if (byId.has(record.id)) warnings.push({ line: row.line, message: `${record.id} appears again; counted once` })
      byId.set(record.id, record)
    } catch (error) {
      if (!(error instanceof OutcomeRowError)) throw error
      if (errors.length < MAX_ERRORS) errors.push({ line: row.line, message: error.message })
      else if (errors.length === MAX_ERRORS) errors.push({ line: row.line, message: 'more records are unreadable; fix the ones above first' })
    }
  }
  if (errors.length > 0) return rejected(errors, format)
  if (byId.size === 0) return rejected([{ line: 1, message: `no records: the ${format.label} export is empty` }], format)

  const records = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const times = records.map(recordTime).sort()
  const batch = createBatch({
    kind: format.kind,
    format: format.id,
    fileNames: [file.name],
    records,
    totals: {},
    from: times[0],
    to: times[times.length - 1],
    skipped: [],
    warnings,
    importedAt,
  })
  return { status: 'ok', format: format.id, kind: format.kind, records: records.length, errors: [], warnings, batch }
}

/**
 * Whether a file is an outcome export, from its first bytes (decoded): a JSON list (billing
 * exports are CSV, agent logs one object per line), or a CSV header an outcome format knows.
 * `cli import` sorts files by this before reading them whole.
 */
export function isOutcomeExport(head: string, profiles: readonly ImportProfile[] = []): boolean {
  if (/^\s*\[/.test(head)) return true
  try {
    const header = csvRows(head.slice(0, head.indexOf('\n') + 1 || head.length))?.header
    return !!header && isOutcomeHeader(header, profiles)
  } catch {
    return false
  }
}

/** Whether a CSV header is an outcome export's, or one an incident profile was saved for (the Import view asks this of a file it first read as a bill). */
export function isOutcomeHeader(header: HeaderIndex, profiles: readonly ImportProfile[] = []): boolean {
  return !!csvOutcomeFormat(header, profiles)
}

function csvOutcomeFormat(header: HeaderIndex, profiles: readonly ImportProfile[]): OutcomeFormat | undefined {
  const builtIn = OUTCOME_FORMATS.find((format) => format.input === 'csv' && format.matches(header))
  const profile = builtIn ? undefined : incidentProfileFor(header, profiles)
  return builtIn ?? (profile && incidentProfileFormat(profile))
}

function parseJson(text: string): Parsed | BatchIssue {
  const items = jsonListItems(text)
  if (items.length === 0) return { line: 1, message: 'an empty list: nothing to import' }
  const format = OUTCOME_FORMATS.find((candidate) => candidate.input === 'json' && candidate.matches(items[0].value))
  if (!format || format.input !== 'json') return { line: items[0].line, message: `not a pull request export Workfolio knows (fields: ${Object.keys(items[0].value).slice(0, 8).join(', ')})` }
  return { format, rows: items.map((item) => ({ line: item.line, read: () => format.read(item.value) })) }
}

function parseCsv(text: string, options: OutcomeImportOptions): Parsed | BatchIssue {
  const table = csvRows(text)
  if (!table) return { line: 1, message: 'the file is empty' }
  const format = options.profile ? incidentProfileFormat(options.profile) : csvOutcomeFormat(table.header, options.profiles ?? [])
  if (!format || format.input !== 'csv') return { line: 1, message: `not an incident or metrics export Workfolio knows (columns: ${table.header.names.slice(0, 8).join(', ')}); map an incident export's columns with an import profile` }
  const read = format.reader(table.header)
  return { format, rows: table.rows.map((row) => ({ line: row.line, read: () => read(row.fields) })) }
}

function recordTime(record: { id: string }): string {
  const { createdAt, date } = record as { createdAt?: string; date?: string }
  return createdAt ?? `${date}T00:00:00.000Z`
}
