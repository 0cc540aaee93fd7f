import type { BatchIssue, BatchMeta } from '../../records/batch'
import type { OutcomeBatchKind } from '../../records/outcome'
import { createBatch } from '../batch'
import type { HeaderIndex } from '../csv/header'
import { CsvSyntaxError } from '../csv/tokenizer'
import { csvRows } from './csvRows'
import { githubPrListJson } from './githubPrListJson'
import { githubRestPulls } from './githubRestPulls'
import { gitlabMergeRequests } from './gitlabMergeRequests'
import { incidentIoIncidentsCsv } from './incidentIoIncidentsCsv'
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
  batch: { meta: BatchMeta; payload: Uint8Array } | null
}

/** Errors listed per file before the rest are summarised: a wrong file would otherwise list every row. */
const MAX_ERRORS = 20

type Parsed = { format: OutcomeFormat; rows: { line: number; read: () => { id: string } }[] }

/**
 * Reads one outcome export into one immutable batch, or rejects it whole (a bad record names
 * its line and reason; nothing is stored). The same PR twice in one file (overlapping pages)
 * is kept once with a warning. Records are ordered by id, so one export saved in another
 * order is the same batch.
 */
export function importOutcomeText(file: { name: string; text: string }, importedAt: string): OutcomeImportResult {
  const rejected = (errors: BatchIssue[], format: OutcomeFormat | null = null): OutcomeImportResult => ({ status: 'rejected', format: format?.id ?? null, kind: format?.kind ?? null, records: 0, errors, warnings: [], batch: null })
  let parsed: Parsed | BatchIssue
  try {
    parsed = /^\s*\[/.test(file.text) ? parseJson(file.text) : parseCsv(file.text)
  } catch (error) {
    if (error instanceof JsonShapeError || error instanceof CsvSyntaxError) return rejected([{ line: error.line, message: error.message }])
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
export function isOutcomeExport(head: string): boolean {
  if (/^\s*\[/.test(head)) return true
  try {
    const header = csvRows(head.slice(0, head.indexOf('\n') + 1 || head.length))?.header
    return !!header && isOutcomeHeader(header)
  } catch {
    return false
  }
}

/** Whether a CSV header is an outcome export's (the Import view asks this of a file it first read as a bill). */
export function isOutcomeHeader(header: HeaderIndex): boolean {
  return OUTCOME_FORMATS.some((format) => format.input === 'csv' && format.matches(header))
}

function parseJson(text: string): Parsed | BatchIssue {
  const items = jsonListItems(text)
  if (items.length === 0) return { line: 1, message: 'an empty list: nothing to import' }
  const format = OUTCOME_FORMATS.find((candidate) => candidate.input === 'json' && candidate.matches(items[0].value))
  if (!format || format.input !== 'json') return { line: items[0].line, message: `not a pull request export Workfolio knows (fields: ${Object.keys(items[0].value).slice(0, 8).join(', ')})` }
  return { format, rows: items.map((item) => ({ line: item.line, read: () => format.read(item.value) })) }
}

function parseCsv(text: string): Parsed | BatchIssue {
  const table = csvRows(text)
  if (!table) return { line: 1, message: 'the file is empty' }
  const format = OUTCOME_FORMATS.find((candidate) => candidate.input === 'csv' && candidate.matches(table.header))
  if (!format || format.input !== 'csv') return { line: 1, message: `not an incident or metrics export Workfolio knows (columns: ${table.header.names.slice(0, 8).join(', ')})` }
  const read = format.reader(table.header)
  return { format, rows: table.rows.map((row) => ({ line: row.line, read: () => read(row.fields) })) }
}

function recordTime(record: { id: string }): string {
  const { createdAt, date } = record as { createdAt?: string; date?: string }
  return createdAt ?? `${date}T00:00:00.000Z`
}
