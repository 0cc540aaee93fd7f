import type { BatchIssue } from '../../records/batch'
import type { Charge } from '../../records/charge'
import { carriesCost } from '../../records/chargeCost'
import { actorId } from '../../privacy/pseudonym'
import { CsvSyntaxError, CsvTokenizer } from '../csv/tokenizer'
import { cell, HeaderIndex } from '../csv/header'
import { utf8BytesOrText } from '../text/decode'
import { Utf8OrAnsiDecoder } from '../text/utf8OrAnsi'
import { profileFormat } from './customMapping'
import { detectBillingFormat } from './detect'
import { BILLING_FORMATS } from './formats'
import type { BillingFormat, RowContext, RowParser } from './format'
import { RunningTotals } from './runningTotals'
import type { BillingParseOptions, BillingPartRead, BillingSource, PartHeader } from './billingSource'

export const DEFAULT_MAX_ERRORS = 50

/** What reading a file's records gathered, before the summary's closing remarks. */
export interface RowsRead {
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

/**
 * Reads a file's records (or, given a header, a part of one from a line start) into Charges
 * handed to `onCharge`, gathering counts, totals and bad lines; a source's second part, when
 * it read well, is counted in as if read here.
 */
export async function readBillingRows(
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
    totals.addAll(part.totals)
    if (part.zeroRows > 0 && read.zeroRows === 0) read.firstZeroLine = part.firstZeroLine + lineOffset
    read.zeroRows += part.zeroRows
    if (part.from !== null && (read.from === null || part.from < read.from)) read.from = part.from
    if (part.to !== null && (read.to === null || part.to > read.to)) read.to = part.to
    onSecondPart?.(part, lineOffset)
  }

  const { latin1 } = source
  const countBytes = (n: number) => (read.bytes += n)
  // A part of a file is the rest of one read as UTF-8 (only then is it taken): its first bytes are no file's start to sniff.
  const parts = given ? countedChunks(source.chunks, countBytes) : utf8BytesOrText(source.chunks, countBytes)
  // UTF-8 stays bytes until the tokenizer with a fast byte-per-char reader, else is decoded here, so either way the bytes read so far are known as text.
  const utf8 = latin1 ? null : new Utf8OrAnsiDecoder()
  const pushText = (text: string) => {
    if (text) tokenizer.push(text, onRecord)
  }
  let partTaken = false
  try {
    for await (const part of parts) {
      if (typeof part === 'string') pushText(part)
      else if (latin1) tokenizer.pushUtf8(part, latin1, onRecord)
      else pushText(utf8!.decode(part))
      options.onProgress?.({ bytes: read.bytes, rows: read.rows })
      if (done) break
      // At the second part's start (a line start: no character cut off there), as UTF-8 and between records: take it when it read well, else read on.
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
    if (!done && !partTaken) {
      if (utf8) pushText(utf8.end())
      tokenizer.end(onRecord)
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    addError(error.line, error.message)
  } finally {
    secondPart?.cancel()
  }
  options.onProgress?.({ bytes: read.bytes, rows: read.rows })
  if (!read.header && !read.fatal) {
    addError(1, 'the file is empty')
    read.fatal = true
  }
  return read
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

async function* countedChunks(chunks: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes(chunk.byteLength)
    yield chunk
  }
}
