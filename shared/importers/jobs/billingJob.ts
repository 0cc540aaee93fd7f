/**
 * Billing exports in the import pipeline: the first rows read to recognise the layout and
 * preview the charges (the app asks before importing), and the whole file read into a batch.
 */
import type { BatchIssue } from '../../records/batch'
import type { Charge } from '../../records/charge'
import type { ImportProfile } from '../../records/settings'
import { detectBillingFormat } from '../billing/detect'
import { importBillingFile, previewBillingFile } from '../billing/importBillingFile'
import { HeaderIndex } from '../csv/header'
import { CsvSyntaxError, CsvTokenizer } from '../csv/tokenizer'
import { decodeTextChunks } from '../text/decode'
import { csvKindOfHeader } from './fileKind'
import type { BillingAnalysis, BillingJobOptions, ImportOutcome, JobProgress, JobSource } from './jobTypes'
import { throttle } from './throttle'

export const PREVIEW_ROWS = 20
const MAX_LISTED_ERRORS = 50

/**
 * Reads only the header and the first rows: enough to recognise the layout, preview the
 * charges and suggest a column mapping. The stream is released as soon as they are in. A CSV
 * that is no bill but an outcome export (its header says: fileKind.ts) comes back as `outcomes`.
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
  if (csvKindOfHeader(head.header, options.profiles) === 'outcomes') return { ...base, detection: 'outcomes' }
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

/**
 * Reads a whole billing export into a batch: format detected (or the one chosen), rows parsed,
 * the batch built and hashed with its rows' identities. `onCharge` sees each stored charge as
 * it is read (the command line's summary).
 */
export async function importBilling(
  source: JobSource,
  options: BillingJobOptions,
  importedAt: string,
  hooks: { onProgress?: (progress: JobProgress) => void; onCharge?: (charge: Charge) => void } = {},
): Promise<ImportOutcome> {
  const report = throttle(hooks.onProgress ?? (() => {}))
  const result = await importBillingFile(
    { name: source.relativePath, chunks: source.chunks(), latin1: source.latin1, size: source.size, secondPart: source.secondPart },
    {
      skipBadRows: options.skipBadRows ?? false,
      maxErrors: MAX_LISTED_ERRORS,
      profiles: options.profiles,
      format: options.format,
      attribution: options.attribution,
      pseudonymSalt: options.pseudonymSalt,
      importedAt,
      encodeBatch: options.encodeBatch,
      keepIdentities: options.keepIdentities,
      payloadInPlace: options.payloadInPlace,
      onCharge: hooks.onCharge,
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
    // Only for a check: a batch carries its own, and the app's worker would copy them for nothing.
    ...(options.encodeBatch === false ? { identities: result.identities } : {}),
  }
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
