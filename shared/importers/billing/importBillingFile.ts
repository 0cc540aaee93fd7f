/**
 * Reads one billing export end to end: bytes → text → CSV records → header detection →
 * Charges. Streaming throughout: `parseBillingFile` hands each Charge to a callback and
 * keeps only counts and totals, so a 200 MB file runs in constant memory; `importBillingFile`
 * collects the Charges into an immutable batch, all or nothing.
 */
import type { BatchIssue } from '../../records/batch'
import type { Charge } from '../../records/charge'
import type { CurrencyAmounts } from '../../money/totals'
import { type Batch, createBatchAsync } from '../../batches/batch'
import { ChargeIdentityLog, type ChargeIdentities, HashesOnLines } from '../../batches/identities'
import { firstRepeatedLine, type HashedLines } from '../../hash/firstRepeatedLine'
import { murmur3x86_128 } from '../../hash/murmur3'
import { ChargeBatchBuilder, identitiesForBytes } from './chargeBatchBuilder'
import { storedIdentity } from '../../records/chargeIdentity'
import type { BillingParseOptions, BillingPartRead, BillingSecondPart, BillingSource } from './billingSource'
import { DEFAULT_MAX_ERRORS, readBillingRows, type RowsRead } from './readBillingRows'
import { plural } from '../../text/plural'

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
  return summarize(await readBillingRows(source, options, null, options.onSecondPart), options)
}

/** The summary of a file's records read: its closing remarks added, nothing counted when it is rejected. */
function summarize(read: RowsRead, options: BillingParseOptions): BillingParseSummary {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS
  const { errors, warnings, header, zeroRows, fatal, errorCount, records } = read
  if (header && !fatal && read.rows === 0) warnings.push({ line: 1, message: 'the file has a header but no rows' })
  // Kept, as billed; said so that a page of 0.00 rows is not mistaken for missing spend.
  if (zeroRows > 0) warnings.push({ line: read.firstZeroLine, message: `${zeroRows === 1 ? '1 row costs' : `${zeroRows} rows cost`} 0 (kept; the first is on this line)` })
  // Skipping bad rows still needs one good row: a file of only bad rows is rejected.
  const rejected = fatal || (errorCount > 0 && (!options.skipBadRows || records === 0))
  if (errorCount > errors.length) {
    warnings.push({ line: errors[errors.length - 1].line, message: `${plural(errorCount - errors.length, 'more bad line')} not listed` })
  } else if (!fatal && !options.skipBadRows && errorCount >= maxErrors) {
    warnings.push({ line: errors[errors.length - 1].line, message: `stopped reading after ${plural(maxErrors, 'bad line')}` })
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
 * its final identity in natural-key form: its storedIdentity is the stored one), so no file
 * is ever held as a list of row objects, nor its identities as strings. With `encodeBatch:
 * false` (a check that stores nothing) the rows are not column-encoded and hashed, which is
 * most of an import's time and memory: the result has their identities and no batch, but
 * for a file without rows, whose empty batch costs nothing and still tells the same empty
 * file named twice; with `keepIdentities: false` too, no identities, and `onCharge` sees each
 * charge's natural key as its identity, a repeat's not numbered (nothing compares them).
 */
export async function importBillingFile(
  source: BillingSource,
  options: BillingParseOptions & { importedAt?: string; onCharge?: (charge: Charge) => void; encodeBatch?: boolean; keepIdentities?: boolean; payloadInPlace?: boolean } = {},
): Promise<BillingImportResult> {
  // What this thread reads: a second part read elsewhere keeps its keys and hashes there.
  const bytesHere = source.secondPart?.at ?? source.size ?? 0
  const batchBuilder = options.encodeBatch === false ? null : new ChargeBatchBuilder(bytesHere, source.size ?? 0)
  // A check keeps its identities packed too (no batch stores them).
  const checked = batchBuilder === null && options.keepIdentities !== false ? new ChargeIdentityLog() : null
  // A check that keeps no identities only tells the first repeat, from its rows' key hashes once all are read (firstRepeatedLine).
  const keyHashes = batchBuilder === null && checked === null ? new HashesOnLines(bytesHere) : null
  let partKeyHashes: HashedLines | null = null
  const identities = batchBuilder?.identities ?? identitiesForBytes(keyHashes ? 0 : (source.size ?? 0))
  let firstRepeat: BatchIssue | null = null
  // A second part read elsewhere hands on hashes, and a batch's share of its own: not taken where every identity is wanted apart.
  const secondPart = checked === null ? source.secondPart && batchPartChecked(source.secondPart, batchBuilder) : undefined
  if (source.secondPart && !secondPart) source.secondPart.cancel()
  const summary = await parseBillingFile({ ...source, secondPart }, {
    ...options,
    onSecondPart: (part, lineOffset) => {
      if (batchBuilder !== null) {
        // As read here: its lines after the first part's.
        batchBuilder.addLastPart(part.batch!, lineOffset)
        if (part.batch!.firstRepeatLine > 0) firstRepeat ??= repeatIssue(part.batch!.firstRepeatLine + lineOffset)
        return
      }
      partKeyHashes = { hashes: part.identityHashes, lines: part.identityLines, lineOffset }
    },
    onCharge: (charge) => {
      let repeated = false
      if (keyHashes) {
        // Its natural key stays its identity: nothing compares a file's charges when its identities are not kept.
        keyHashes.add(murmur3x86_128(charge.identity), charge.source.line)
      } else if (batchBuilder === null) {
        // A check hands the identity on in natural-key form (compared through storedIdentity), never made as hex.
        const unique = identities.nextKey(charge.identity)
        charge.identity = unique.key
        repeated = unique.repeated
        checked!.note(charge.format, repeated ? storedIdentity(unique.key) : unique.key, unique.hash)
      } else {
        repeated = batchBuilder.add(charge)
      }
      if (repeated) firstRepeat ??= repeatIssue(charge.source.line)
      options.onCharge?.(charge)
    },
  })
  if (summary.status === 'rejected' || summary.format === null) return { ...summary, batch: null, identities: new Map() }
  if (keyHashes) {
    const line = firstRepeatedLine([{ hashes: keyHashes.hashes(), lines: keyHashes.lines(), lineOffset: 0 }, ...(partKeyHashes ? [partKeyHashes] : [])])
    if (line > 0) firstRepeat = repeatIssue(line)
  }
  if (firstRepeat) summary.warnings.push(firstRepeat)
  if (batchBuilder === null && summary.records > 0) return { ...summary, batch: null, identities: checked?.identities() ?? new Map() }
  const stored = batchBuilder?.storedIdentities() ?? new Map()
  const batch = await createBatchAsync({
    kind: 'charges',
    format: summary.format,
    fileNames: [source.name],
    records: batchBuilder ?? [],
    totals: summary.totals,
    from: summary.from,
    to: summary.to,
    skipped: options.skipBadRows ? summary.errors : [],
    warnings: summary.warnings,
    importedAt: options.importedAt ?? new Date().toISOString(),
    identities: stored,
    payloadInPlace: options.payloadInPlace,
  })
  return { ...summary, batch, identities: stored }
}

/**
 * A second part as a batch's reader takes it: only with its share of the batch, which must add
 * on to the charges read here (ChargeBatchBuilder.canAdd), and none of its keys one of the
 * first part's (whose repeats would be numbered on from there); otherwise this thread reads
 * the part itself.
 */
function batchPartChecked(secondPart: BillingSecondPart, batchBuilder: ChargeBatchBuilder | null): BillingSecondPart {
  if (batchBuilder === null) return secondPart
  return {
    ...secondPart,
    async result() {
      const part = await secondPart.result()
      return part?.batch && !batchBuilder.identities.seenAnyOf(part.identityHashes) && batchBuilder.canAdd(part.batch) ? part : null
    },
  }
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
