/**
 * Reads one billing export end to end: bytes → text → CSV records → header detection →
 * Charges. Streaming throughout: `parseBillingFile` hands each Charge to a callback and
 * keeps only counts and totals, so a 200 MB file runs in constant memory; `importBillingFile`
 * collects the Charges into an immutable batch, all or nothing.
 */
import type { BatchIssue } from '../../records/batch'
import type { Charge } from '../../records/charge'
import { carriesCost } from '../../records/chargeCost'
import type { ImportProfile } from '../../records/settings'
import type { CurrencyAmounts } from '../../money/totals'
import { actorId } from '../../privacy/pseudonym'
import { ColumnBuilder } from '../../batches/columnCodec'
import { type Batch, createBatch } from '../../batches/batch'
import { CsvSyntaxError, CsvTokenizer } from '../csv/tokenizer'
import { cell, HeaderIndex } from '../csv/header'
import { decodeTextChunks, utf8BytesOrText } from '../text/decode'
import type { Latin1Reader } from '../text/latin1'
import { profileFormat } from './customMapping'
import { detectBillingFormat } from './detect'
import { BILLING_FORMATS } from './formats'
import type { BillingFormat, RowContext, RowParser } from './format'
import { ChargeIdentityLog, type ChargeIdentities, HashesOnLines, noteChargeIdentity, UniqueIdentities } from '../../batches/identities'
import { RunningTotals } from './runningTotals'
import { storedIdentity } from '../../records/chargeIdentity'
import { murmur3x86_128 } from '../../hash/murmur3'

/** A file as a stream of byte chunks: Node's fs.createReadStream and a browser ReadableStream both are. */
export interface BillingSource {
  name: string
  /** A chunk may be a view of a buffer the source reuses: it is read before the next is asked for, never kept. */
  chunks: AsyncIterable<Uint8Array>
  /** The platform's fast byte-per-char reader, when it has one (see text/latin1.ts). */
  latin1?: Latin1Reader
  /** The file's size in bytes, when known: sizes the table that tells repeated rows. */
  size?: number
  /** The file's part after a line, being read on another thread meanwhile (a check of a big file): `chunks` end a chunk there. */
  secondPart?: BillingSecondPart
}

/**
 * A big file's second part, from a line start `at` bytes in, read by another thread while
 * this one reads the first (readBillingPart there). It is taken only when the first part
 * ends there outside any quoted value and the second read without a bad row; otherwise this
 * thread reads on through it, so the result is always the one reading the file in one go gives.
 */
export interface BillingSecondPart {
  readonly at: number
  /** Starts reading the part, as rows under this header split at this delimiter. */
  start(header: readonly string[], delimiter: string): void
  /** The part as read there; null when it could not be read alone (a bad row, an unclosed quote, a format's remark). */
  result(): Promise<BillingPartRead | null>
  /** Called when the part is taken (its rows counted in), before `result` is asked again. */
  taken(): void
  /** Stops reading it (a no-op once read). */
  cancel(): void
}

/**
 * The rows of a part of a file read on its own (readBillingPart), as plain data: its lines
 * counted from 1 at the part's start, each charge's identity as the 128-bit hash
 * UniqueIdentities tells repeats by, with its line.
 */
export interface BillingPartRead {
  records: number
  rows: number
  bytes: number
  warnings: BatchIssue[]
  totals: CurrencyAmounts
  zeroRows: number
  firstZeroLine: number
  from: string | null
  to: string | null
  identityHashes: Int32Array
  identityLines: Int32Array
}

export interface ImportProgress {
  bytes: number
  rows: number
}

export interface BillingParseOptions {
  /** Import the good rows of a file with bad ones, listing the skipped lines (the user's explicit choice). */
  skipBadRows?: boolean
  /** Store people's names as given instead of salted pseudonyms. */
  attribution?: boolean
  pseudonymSalt?: string
  /** Saved column mappings, used when the header is not a built-in format. */
  profiles?: readonly ImportProfile[]
  /** Read the file as this built-in format id or profile instead of detecting it. */
  format?: string | ImportProfile
  /** Stop after this many charges (previews). */
  limit?: number
  /** How many bad lines to list (the rest are counted). */
  maxErrors?: number
  onProgress?: (progress: ImportProgress) => void
}

export interface BillingParseSummary {
  kind: 'charges'
  /** The format id, `custom:<profile id>` for a mapped file, or null when unrecognised. */
  format: string | null
  formatLabel: string | null
  status: 'ok' | 'rejected'
  header: string[]
  /** Charges produced (0 when rejected). */
  records: number
  /** Bad lines: why the file was rejected, or (with skipBadRows) the skipped lines. */
  errors: BatchIssue[]
  errorCount: number
  warnings: BatchIssue[]
  totals: CurrencyAmounts
  from: string | null
  to: string | null
  bytes: number
}

const DEFAULT_MAX_ERRORS = 50

/** `file:line: reason`, the way every bad line is reported. */
export function describeIssue(file: string, issue: BatchIssue): string {
  return `${file}:${issue.line}: ${issue.message}`
}

/**
 * Streams a file and calls `onCharge` for each Charge. When the file is rejected, charges
 * already handed out must be discarded by the caller (importBillingFile does). Identities
 * are the rows' natural keys; importBillingFile makes repeats within the file unique. A
 * source's second part, when taken, is counted in as read there (`onSecondPart` sees it).
 */
export async function parseBillingFile(
  source: BillingSource,
  options: BillingParseOptions & { onCharge?: (charge: Charge) => void; onSecondPart?: (part: BillingPartRead, lineOffset: number) => void } = {},
): Promise<BillingParseSummary> {
  return summarize(await readRows(source, options, null, options.onSecondPart), options)
}

/**
 * Reads a part of a file from a line start to its end, on its own (another thread, see
 * BillingSecondPart): as rows under the given header and delimiter, with each charge's
 * identity hashed as UniqueIdentities hashes it. Null when the part has a bad row (or an
 * unclosed quote) or a row its format remarks on: the reader of the first part then reads it
 * again itself, to report it as reading the file in one go does. Charges reach `onCharge` with their natural key as
 * identity, not made unique (a part is read only when nothing compares identities), and
 * their line counted from the part's start.
 */
export async function readBillingPart(
  source: BillingSource,
  given: PartHeader,
  options: BillingParseOptions & { onCharge?: (charge: Charge) => void } = {},
): Promise<BillingPartRead | null> {
  const identities = new HashesOnLines()
  const onCharge = (charge: Charge) => {
    identities.add(murmur3x86_128(charge.identity), charge.source.line)
    options.onCharge?.(charge)
  }
  const read = await readRows(source, { ...options, skipBadRows: false, maxErrors: 1, onCharge }, given)
  if (read.fatal || read.errorCount > 0 || read.rowWarnings > 0) return null
  return {
    records: read.records,
    rows: read.rows,
    bytes: read.bytes,
    warnings: read.warnings,
    totals: read.totals.toTotals().toJSON(),
    zeroRows: read.zeroRows,
    firstZeroLine: read.firstZeroLine,
    from: read.from,
    to: read.to,
    identityHashes: identities.hashes(),
    identityLines: identities.lines(),
  }
}

/** The header a part of a file is read under, and its delimiter, as the first part's reader found them. */
export interface PartHeader {
  header: readonly string[]
  delimiter: string
}

/** What reading a file's records gathered, before the summary's closing remarks. */
interface RowsRead {
  header: HeaderIndex | null
  format: BillingFormat | null
  fatal: boolean
  errors: BatchIssue[]
  errorCount: number
  warnings: BatchIssue[]
  /** Warnings of the format's row parser (the rest are the reader's: a repeated header line). */
  rowWarnings: number
  totals: RunningTotals
  zeroRows: number
  firstZeroLine: number
  from: string | null
  to: string | null
  records: number
  rows: number
  bytes: number
}

async function readRows(
  source: BillingSource,
  options: BillingParseOptions & { onCharge?: (charge: Charge) => void },
  given: PartHeader | null,
  onSecondPart?: (part: BillingPartRead, lineOffset: number) => void,
): Promise<RowsRead> {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS
  const read: RowsRead = {
    header: null,
    format: null,
    fatal: false,
    errors: [],
    errorCount: 0,
    warnings: [],
    rowWarnings: 0,
    totals: new RunningTotals(),
    zeroRows: 0,
    firstZeroLine: 0,
    from: null,
    to: null,
    records: 0,
    rows: 0,
    bytes: 0,
  }
  const { errors, warnings, totals } = read
  let done = false
  const addError = (line: number, message: string) => {
    read.errorCount++
    if (errors.length < maxErrors) errors.push({ line, message })
  }
  const context: RowContext = {
    file: source.name,
    actor: pseudonymizer(options),
    warn: (line, message) => {
      warnings.push({ line, message })
      read.rowWarnings++
      // A format says some things once a file (the first row of a kind): a part read on its own cannot tell whether the file's first did.
      if (given) done = true
    },
  }
  const tokenizer = new CsvTokenizer({ trim: true, delimiter: given?.delimiter })
  const secondPart = given ? undefined : source.secondPart
  let secondPartStarted = false
  let parseRow: RowParser | null = null

  const readHeader = (fields: readonly string[], line: number) => {
    const header = (read.header = new HeaderIndex(fields))
    const chosen = chooseFormat(header, options)
    if (typeof chosen === 'string') {
      addError(line, chosen)
      read.fatal = done = true
      return
    }
    read.format = chosen
    try {
      parseRow = chosen.bind(header, context)
    } catch (error) {
      addError(line, (error as Error).message)
      read.fatal = done = true
      return
    }
    if (secondPart) {
      secondPart.start(fields, tokenizer.delimiterInUse!)
      secondPartStarted = true
    }
  }
  if (given) readHeader(given.header, 0)

  const onRecord = (fields: string[], line: number) => {
    if (done) return
    const header = read.header
    if (!header) return readHeader(fields, line)
    // Cheap first-cell tests guard the slower whole-row checks (this runs once per row).
    const first = fields[0]
    if ((first === '' || first.charCodeAt(0) <= 32) && isBlank(fields)) return
    read.rows++
    const maybeHeader = cell(fields, 0) === header.names[0] && sameAsHeader(fields, header)
    if (fields.length !== header.size && !onlyEmptyExtras(fields, header.size)) {
      if (maybeHeader) return
      addError(line, `expected ${header.size} columns, found ${fields.length}`)
    } else if (maybeHeader) {
      // Exports pasted together repeat their header line.
      warnings.push({ line, message: 'repeated header line skipped' })
      return
    } else {
      let charge: Charge | null
      try {
        charge = parseRow!(fields, line)
      } catch (error) {
        addError(line, (error as Error).message)
        charge = null
      }
      if (charge) {
        if (carriesCost(charge)) totals.add(charge.currency, charge.cost)
        if (charge.costKind === 'billed' && isZeroAmount(charge.cost) && read.zeroRows++ === 0) read.firstZeroLine = line
        if (read.from === null || charge.start < read.from) read.from = charge.start
        const last = charge.end ?? charge.start
        if (read.to === null || last > read.to) read.to = last
        read.records++
        options.onCharge?.(charge)
        if (options.limit !== undefined && read.records >= options.limit) done = true
      }
    }
    // Without skipBadRows the file is rejected anyway: stop once enough bad lines are listed.
    if (!options.skipBadRows && read.errorCount >= maxErrors) done = true
  }

  // The second part counted in as if read here: its lines follow the first part's.
  const takeSecondPart = (part: BillingPartRead) => {
    const lineOffset = tokenizer.nextLine - 1
    read.records += part.records
    read.rows += part.rows
    read.bytes += part.bytes
    for (const warning of part.warnings) warnings.push({ line: warning.line + lineOffset, message: warning.message })
    for (const [currency, amount] of Object.entries(part.totals)) totals.add(currency, amount)
    if (part.zeroRows > 0 && read.zeroRows === 0) read.firstZeroLine = part.firstZeroLine + lineOffset
    read.zeroRows += part.zeroRows
    if (part.from !== null && (read.from === null || part.from < read.from)) read.from = part.from
    if (part.to !== null && (read.to === null || part.to > read.to)) read.to = part.to
    onSecondPart?.(part, lineOffset)
  }

  const { latin1 } = source
  const countBytes = (n: number) => (read.bytes += n)
  // With a fast byte-per-char reader, UTF-8 stays bytes until the tokenizer (UTF-16 is still decoded).
  const parts = latin1 ? utf8BytesOrText(source.chunks, countBytes) : decodeTextChunks(source.chunks, countBytes)
  let partTaken = false
  try {
    for await (const part of parts) {
      if (typeof part === 'string') tokenizer.push(part, onRecord)
      else tokenizer.pushUtf8(part, latin1!, onRecord)
      options.onProgress?.({ bytes: read.bytes, rows: read.rows })
      if (done) break
      // At the second part's start, as raw UTF-8 and between records: take it when it read well, else read on.
      if (secondPartStarted && typeof part !== 'string' && read.bytes === secondPart!.at && tokenizer.atRecordStart()) {
        const second = await secondPart!.result()
        if (second) {
          takeSecondPart(second)
          secondPart!.taken()
          partTaken = true
          break
        }
      }
    }
    if (!done && !partTaken) tokenizer.end(onRecord)
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    addError(error.line, error.message)
  } finally {
    secondPart?.cancel()
  }
  options.onProgress?.({ bytes: read.bytes, rows: read.rows })
  return read
}

/** The summary of a file's records read: its closing remarks added, nothing counted when it is rejected. */
function summarize(read: RowsRead, options: BillingParseOptions): BillingParseSummary {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS
  const { errors, warnings, header, zeroRows } = read
  let fatal = read.fatal
  if (!header && !fatal) {
    read.errorCount++
    if (errors.length < maxErrors) errors.push({ line: 1, message: 'the file is empty' })
    fatal = true
  }
  const { errorCount, records } = read
  if (header && !fatal && read.rows === 0) warnings.push({ line: 1, message: 'the file has a header but no rows' })
  // Kept, as billed; said so that a page of 0.00 rows is not mistaken for missing spend.
  if (zeroRows > 0) warnings.push({ line: read.firstZeroLine, message: `${zeroRows === 1 ? '1 row costs' : `${zeroRows} rows cost`} 0 (kept; the first is on this line)` })
  // Skipping bad rows still needs one good row: a file of only bad rows is rejected.
  const rejected = fatal || (errorCount > 0 && (!options.skipBadRows || records === 0))
  if (errorCount > errors.length) {
    warnings.push({ line: errors[errors.length - 1].line, message: `${errorCount - errors.length} more bad lines not listed` })
  } else if (!fatal && !options.skipBadRows && errorCount >= maxErrors) {
    warnings.push({ line: errors[errors.length - 1].line, message: `stopped reading after ${maxErrors} bad lines` })
  }
  const format = read.format
  return {
    kind: 'charges',
    format: format?.id ?? null,
    formatLabel: format?.label ?? null,
    status: rejected ? 'rejected' : 'ok',
    header: header ? [...header.names] : [],
    records: rejected ? 0 : records,
    errors,
    errorCount,
    warnings,
    totals: rejected ? {} : read.totals.toTotals().toJSON(),
    from: rejected ? null : read.from,
    to: rejected ? null : read.to,
    bytes: read.bytes,
  }
}

export interface BillingImportResult extends BillingParseSummary {
  /** The immutable batch to add to the ledger, or null when the file was rejected (or, with `encodeBatch: false`, had rows). */
  batch: Batch | null
  /** The stored identities of the charges, per format, in row order (the batch's, when there is one). */
  identities: ChargeIdentities
}

/**
 * Parses a whole file into a batch: every good row, or (on any bad row, unless skipBadRows)
 * nothing. Each Charge goes into the batch's columns as it is read, and to `onCharge` (with
 * its final identity; in a check, in natural-key form: its storedIdentity is the stored one),
 * so no file is ever held as a list of row objects. With `encodeBatch:
 * false` (a check that stores nothing) the rows are not column-encoded and hashed, which is
 * most of an import's time and memory: the result has their identities and no batch, but
 * for a file without rows, whose empty batch costs nothing and still tells the same empty
 * file named twice; with `keepIdentities: false` too, no identities.
 */
export async function importBillingFile(
  source: BillingSource,
  options: BillingParseOptions & { importedAt?: string; onCharge?: (charge: Charge) => void; encodeBatch?: boolean; keepIdentities?: boolean } = {},
): Promise<BillingImportResult> {
  // Identities are unique (UniqueIdentities) and kept in `stored` anyway: their column lists them as they are.
  const records = options.encodeBatch === false ? null : new ColumnBuilder(new Set(['identity']))
  // Sized for rows of about 190 bytes (an Anthropic cost row): a million-row export's table never grows.
  const identities = new UniqueIdentities((source.size ?? 0) / 192)
  // A batch's identities are strings its records hold anyway; a check keeps them packed.
  const stored = new Map<string, string[]>()
  const checked = records === null && options.keepIdentities !== false ? new ChargeIdentityLog() : null
  let firstRepeat: BatchIssue | null = null
  // A second part read elsewhere hands on hashes only: taken where only the first repeat's line is wanted from identities.
  const secondPart = records === null && checked === null ? source.secondPart : undefined
  if (source.secondPart && !secondPart) source.secondPart.cancel()
  const summary = await parseBillingFile({ ...source, secondPart }, {
    ...options,
    onSecondPart: (part, lineOffset) => {
      if (firstRepeat) return
      const line = identities.firstRepeatOf(part.identityHashes, part.identityLines)
      if (line > 0) firstRepeat = repeatIssue(line + lineOffset)
    },
    onCharge: (charge) => {
      let repeated
      if (records === null) {
        // A check hands the identity on in natural-key form (compared through storedIdentity), never made as hex.
        const unique = identities.nextKey(charge.identity)
        charge.identity = unique.key
        repeated = unique.repeated
        checked?.note(charge.format, repeated ? storedIdentity(unique.key) : unique.key, unique.hash)
      } else {
        const unique = identities.next(charge.identity)
        charge.identity = unique.identity
        repeated = unique.repeated
        records!.add(charge)
        noteChargeIdentity(stored, charge)
      }
      if (repeated) firstRepeat ??= repeatIssue(charge.source.line)
      options.onCharge?.(charge)
    },
  })
  if (summary.status === 'rejected' || summary.format === null) return { ...summary, batch: null, identities: new Map() }
  if (firstRepeat) summary.warnings.push(firstRepeat)
  if (records === null && summary.records > 0) return { ...summary, batch: null, identities: checked?.identities() ?? new Map() }
  const batch = createBatch({
    kind: 'charges',
    format: summary.format,
    fileNames: [source.name],
    records: records ?? [],
    totals: summary.totals,
    from: summary.from,
    to: summary.to,
    skipped: options.skipBadRows ? summary.errors : [],
    warnings: summary.warnings,
    importedAt: options.importedAt ?? new Date().toISOString(),
    identities: stored,
  })
  return { ...summary, batch, identities: stored }
}

function repeatIssue(line: number): BatchIssue {
  return { line, message: 'this row has the same key as an earlier row; both are kept as separate charges' }
}

/** The first `rows` charges as they will be stored, for the import view's preview. */
export async function previewBillingFile(source: BillingSource, options: BillingParseOptions & { rows?: number } = {}): Promise<BillingParseSummary & { charges: Charge[] }> {
  const charges: Charge[] = []
  const summary = await parseBillingFile(source, { ...options, skipBadRows: true, limit: options.rows ?? 20, onCharge: (charge) => charges.push(charge) })
  return { ...summary, charges }
}

function chooseFormat(header: HeaderIndex, options: BillingParseOptions): BillingFormat | string {
  if (typeof options.format === 'object') return profileFormat(options.format)
  if (typeof options.format === 'string') {
    const forced = BILLING_FORMATS.find((format) => format.id === options.format)
    if (!forced) return `unknown format "${options.format}"`
    const missing = forced.signature.filter((names) => !header.has(...names)).map((names) => names[0])
    return missing.length === 0 ? forced : `the header lacks columns a ${forced.id} file has: ${missing.join(', ')}`
  }
  const detection = detectBillingFormat(header, options.profiles)
  switch (detection.kind) {
    case 'format':
      return detection.format
    case 'profile':
      return profileFormat(detection.profile)
    case 'ambiguous':
      return `the header fits several formats (${detection.candidates.map((format) => format.id).join(', ')}); choose one`
    case 'unknown':
      return `not a known billing export (header: ${header.names.slice(0, 6).join(', ')}${header.size > 6 ? ', …' : ''}); map its columns with an import profile`
  }
}

/** Names become salted pseudonyms unless attribution is on; each distinct name is hashed once. */
function pseudonymizer(options: BillingParseOptions): (name: string) => string | null {
  const cache = new Map<string, string | null>()
  const settings = { attribution: options.attribution ?? false, salt: options.pseudonymSalt ?? '' }
  return (name) => {
    if (name === '') return null
    let id = cache.get(name)
    if (id === undefined) {
      id = actorId(name, settings)
      cache.set(name, id)
    }
    return id
  }
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false
  return true
}

/** Trailing empty cells past the header (a stray comma at line end) are harmless. */
function onlyEmptyExtras(fields: string[], size: number): boolean {
  if (fields.length < size) return false
  for (let i = size; i < fields.length; i++) if (fields[i].trim() !== '') return false
  return true
}

function sameAsHeader(fields: string[], header: HeaderIndex): boolean {
  return header.names.every((name, index) => fields[index]?.trim() === name)
}

/** Whether a decimal string ("0.00", "-0", "0.000000") is zero. Checked by hand: it runs for every row. */
function isZeroAmount(amount: string): boolean {
  for (let i = 0; i < amount.length; i++) {
    const code = amount.charCodeAt(i)
    if (code !== 48 && code !== 46 && code !== 45) return false
  }
  return true
}
