import type { BatchIssue } from '../../records/batch'
import type { ImportProfile } from '../../records/settings'
import type { CurrencyAmounts } from '../../money/totals'
import type { Latin1Reader } from '../text/latin1'
import type { ColumnPart } from '../../batches/columnCodec'
import type { HashedStringsPart } from '../../batches/hashedStrings'

/** A file as a stream of byte chunks: Node's fs.createReadStream and a browser ReadableStream both are. */
export interface BillingSource {
  name: string
  /** A chunk may be a view of a buffer the source reuses: it is read before the next is asked for, never kept. */
  chunks: AsyncIterable<Uint8Array>
  /** The platform's fast byte-per-char reader, when it has one (see text/latin1.ts). */
  latin1?: Latin1Reader
  /** The file's size in bytes, when known: sizes the table that tells repeated rows. */
  size?: number
  /** The file's part after a line, being read on another thread meanwhile (a big file): `chunks` end a chunk there. */
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
  /** The part's share of the batch, when one is built (readBillingPart's `encodeBatch`). */
  batch?: BillingBatchPart
}

/**
 * A part's charges as a batch holds them (ChargeBatchBuilder.part), made unique among
 * themselves: taken when none of their keys is one of the first part's (else each would be
 * counted on from there).
 */
export interface BillingBatchPart {
  /** The charges' columns (ColumnBuilder.part), their lines counted from the part's start, a placeholder for each identity. */
  records: ColumnPart
  /** The line of the first charge whose key repeats an earlier one's in the part, or 0. */
  firstRepeatLine: number
  /** The charges' stored identities, in their order. */
  identities: HashedStringsPart
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

/** The header a part of a file is read under, and its delimiter, as the first part's reader found them. */
export interface PartHeader {
  header: readonly string[]
  delimiter: string
}
