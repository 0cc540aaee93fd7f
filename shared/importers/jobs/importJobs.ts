/**
 * The parsing work of the Import view, over the pure importers in shared/. It runs in the
 * import worker in the app, and in-process in component tests; it touches no DOM.
 */
import { CsvSyntaxError, CsvTokenizer } from '../csv/tokenizer'
import { HeaderIndex } from '../csv/header'
import { decodeTextChunks } from '../text/decode'
import { detectBillingFormat } from '../billing/detect'
import { importBillingFile, previewBillingFile } from '../billing/importBillingFile'
import type { BatchIssue } from '../../records/batch'
import type { ImportProfile } from '../../records/settings'
import type { BillingAnalysis, BillingJobOptions, ImportOutcome, JobProgress, JobResult, JobSpec } from '../../../renderer/views/Import/workerProtocol'
import { importLogFiles } from './logJob'

/** A source as a job reads it. */
export interface JobSource {
  name: string
  relativePath: string
  size: number
  chunks(): AsyncIterable<Uint8Array>
}

export const PREVIEW_ROWS = 20
const MAX_LISTED_ERRORS = 50

export class JobCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export async function runJob(job: JobSpec, sources: JobSource[], onProgress: (progress: JobProgress) => void, signal?: AbortSignal): Promise<JobResult> {
  const guarded = sources.map((source) => ({ ...source, chunks: () => guard(source.chunks(), signal) }))
  switch (job.kind) {
    case 'analyze-billing':
      return analyzeBilling(guarded[0], job.options)
    case 'import-billing':
      return importBilling(guarded[0], job.options, job.importedAt, onProgress)
    case 'import-logs':
      return importLogFiles(guarded, job.options, job.importedAt, onProgress)
  }
}

async function* guard(chunks: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    if (signal?.aborted) throw new JobCancelled()
    yield chunk
  }
}

/**
 * Reads only the header and the first rows: enough to recognise the layout, preview the
 * charges and suggest a column mapping. The stream is released as soon as they are in.
 */
export async function analyzeBilling(source: JobSource, options: BillingJobOptions): Promise<BillingAnalysis> {
  const head = await readCsvHead(source.chunks(), PREVIEW_ROWS)
  const base: BillingAnalysis = {
    kind: 'analyze-billing',
    file: source.relativePath,
    detection: 'unreadable',
    format: null,
    formatLabel: null,
    candidates: [],
    profileId: null,
    header: head.header,
    sampleRows: head.rows.map((row) => row.fields),
    charges: [],
    errors: head.error ? [head.error] : [],
    warnings: [],
  }
  if (head.error && head.rows.length === 0) return base
  if (head.header.length === 0) return { ...base, errors: [{ line: 1, message: 'the file is empty' }] }

  let format: string | ImportProfile | undefined = options.format
  let detection: BillingAnalysis['detection'] = 'chosen'
  if (format === undefined) {
    const detected = detectBillingFormat(new HeaderIndex(head.header), options.profiles)
    if (detected.kind === 'unknown') return { ...base, detection: 'unknown' }
    if (detected.kind === 'ambiguous') {
      return { ...base, detection: 'ambiguous', candidates: detected.candidates.map((f) => ({ id: f.id, label: f.label })) }
    }
    detection = detected.kind
    format = detected.kind === 'format' ? detected.format.id : detected.profile
  }
  const preview = await previewRows(source.name, head.header, base.sampleRows, { ...options, format })
  return {
    ...base,
    detection,
    format: preview.format,
    formatLabel: preview.formatLabel,
    profileId: typeof format === 'object' ? format.id : null,
    charges: preview.charges,
    errors: [...base.errors, ...preview.errors],
    warnings: preview.warnings,
  }
}

/** The charges a few raw rows become under a format or a (draft) profile: the live mapping preview. */
export async function previewRows(fileName: string, header: string[], rows: string[][], options: BillingJobOptions) {
  const text = [header, ...rows].map(csvLine).join('\n') + '\n'
  return previewBillingFile(
    { name: fileName, chunks: once(new TextEncoder().encode(text)) },
    { profiles: options.profiles, format: options.format, attribution: options.attribution, pseudonymSalt: options.pseudonymSalt, rows: rows.length },
  )
}

async function importBilling(source: JobSource, options: BillingJobOptions, importedAt: string, onProgress: (progress: JobProgress) => void): Promise<ImportOutcome> {
  const report = throttle(onProgress)
  const result = await importBillingFile(
    { name: source.relativePath, chunks: source.chunks() },
    {
      // Every bad line is listed and counted; the view imports nothing unless the person then
      // chooses to skip them (the batch already records which lines it left out).
      skipBadRows: true,
      maxErrors: MAX_LISTED_ERRORS,
      profiles: options.profiles,
      format: options.format,
      attribution: options.attribution,
      pseudonymSalt: options.pseudonymSalt,
      importedAt,
      onProgress: (p) => report({ bytes: p.bytes, rows: p.rows, totalBytes: source.size, file: source.relativePath }),
    },
  )
  report.flush()
  return {
    kind: 'import-billing',
    summary: {
      status: result.status,
      format: result.format,
      formatLabel: result.formatLabel,
      records: result.records,
      errors: result.errors,
      errorCount: result.errorCount,
      warnings: result.warnings,
      bytes: result.bytes,
      files: [source.relativePath],
    },
    batch: result.batch,
  }
}

/** Calls `report` at most every 100 ms (and once more on flush) so progress never floods the UI. */
export function throttle(report: (progress: JobProgress) => void, intervalMs = 100) {
  let last = 0
  let pending: JobProgress | null = null
  const fn = (progress: JobProgress) => {
    pending = progress
    const now = Date.now()
    if (now - last >= intervalMs) {
      last = now
      report(progress)
      pending = null
    }
  }
  fn.flush = () => {
    if (pending) report(pending)
    pending = null
  }
  return fn
}

interface CsvHead {
  header: string[]
  rows: { fields: string[]; line: number }[]
  error: BatchIssue | null
}

async function readCsvHead(chunks: AsyncIterable<Uint8Array>, maxRows: number): Promise<CsvHead> {
  const head: CsvHead = { header: [], rows: [], error: null }
  let headerSeen = false
  const tokenizer = new CsvTokenizer()
  const sink = (fields: string[], line: number) => {
    if (!headerSeen) {
      headerSeen = true
      head.header = fields.map((field) => field.replace(/^\uFEFF/, '').trim())
    } else if (head.rows.length < maxRows && fields.some((field) => field.trim() !== '')) {
      head.rows.push({ fields, line })
    }
  }
  try {
    for await (const text of decodeTextChunks(chunks)) {
      tokenizer.push(text, sink)
      if (head.rows.length >= maxRows) return head
    }
    tokenizer.end(sink)
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    head.error = { line: error.line, message: error.message }
  }
  return head
}

function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',')
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes
}
