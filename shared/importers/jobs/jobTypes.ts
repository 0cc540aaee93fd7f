/**
 * What the import pipeline reads and gives back, the same in the app's import worker (whose
 * messages carry these: they are plain, cloneable data), in-process and on the command line.
 */
import type { Batch } from '../../batches/batch'
import type { ChargeIdentities } from '../../batches/identities'
import type { BatchIssue } from '../../records/batch'
import type { Charge } from '../../records/charge'
import type { ImportProfile, Settings } from '../../records/settings'
import type { BillingSecondPart } from '../billing/billingSource'
import type { Latin1Reader } from '../text/latin1'

/** A file as a job reads it: a stream of byte chunks that can be opened again. */
export interface JobSource {
  name: string
  /** Path relative to a picked folder, or just the name: the name the batch's records carry. */
  relativePath: string
  size: number
  chunks(): AsyncIterable<Uint8Array>
  /** The platform's fast byte-per-char reader, when it has one (see text/latin1.ts). */
  latin1?: Latin1Reader
  /** A big billing file's second part, read on another thread (see BillingSecondPart). */
  secondPart?: BillingSecondPart
}

export interface BillingJobOptions {
  profiles: readonly ImportProfile[]
  /** A built-in format id or a profile to read the file as, instead of detecting it. */
  format?: string | ImportProfile
  attribution: boolean
  pseudonymSalt: string
  /**
   * Keep the good rows of a file with bad ones, listing the bad (the batch records them as
   * skipped). The app always does, and asks before storing such a batch; the command line only
   * with --skip-bad-rows (otherwise the file is rejected once 50 bad lines are listed).
   */
  skipBadRows?: boolean
  /**
   * False for a check that stores nothing (the command line without a workspace): the rows
   * are not column-encoded and hashed, and the outcome carries their identities instead of a
   * batch (see importBillingFile).
   */
  encodeBatch?: boolean
  /**
   * With `encodeBatch: false`, whether the rows' identities are kept (the default): only a
   * run of several files compares them, and for a single file keeping a million costs CPU and
   * memory for nothing. Without, the outcome carries none.
   */
  keepIdentities?: boolean
  /**
   * Whether the batch's payload may be grown in place, a view on a resizable buffer (see
   * jsonUtf8): only where Node alone reads it (the command line); a browser's TextDecoder and
   * other Web APIs refuse such a view.
   */
  payloadInPlace?: boolean
}

export interface LogJobOptions {
  /** The workspace settings: pricing table and overrides, step rules, attribution, salt. */
  settings: Settings
  /** Hashed request key → run id of the runs already in the workspace (no request counted twice). */
  knownRequestKeys: readonly (readonly [string, string])[] | ReadonlyMap<string, string>
}

export type JobSpec =
  | { kind: 'analyze-billing'; options: BillingJobOptions }
  | { kind: 'import-billing'; options: BillingJobOptions; importedAt: string }
  | { kind: 'import-logs'; options: LogJobOptions; importedAt: string }

export interface JobProgress {
  bytes: number
  totalBytes: number
  rows: number
  /** The file being read now. */
  file: string
}

/** What the first rows of a billing file say: its layout, and the charges they become. */
export interface BillingAnalysis {
  kind: 'analyze-billing'
  file: string
  /** How the layout was recognised; `outcomes`: the header is an outcome export's, not a bill's. */
  detection: 'format' | 'profile' | 'chosen' | 'ambiguous' | 'unknown' | 'unreadable' | 'outcomes'
  format: string | null
  formatLabel: string | null
  /** For an ambiguous header: the formats it fits. */
  candidates: { id: string; label: string }[]
  profileId: string | null
  header: string[]
  /** Raw cells of the first rows, for the column mapping step. */
  sampleRows: string[][]
  /** The first rows as they will be stored. */
  charges: Charge[]
  /** Why the file cannot be read at all (empty, bad CSV), or bad lines among the first rows. */
  errors: BatchIssue[]
  warnings: BatchIssue[]
}

export interface ImportSummary {
  status: 'ok' | 'rejected'
  format: string | null
  formatLabel: string | null
  records: number
  /** Bad lines (the first few dozen) and how many there are in all. */
  errors: BatchIssue[]
  errorCount: number
  warnings: BatchIssue[]
  bytes: number
  /** Per file, for an import of several files (agent logs). */
  files: string[]
}

export interface ImportOutcome {
  kind: 'import-billing' | 'import-logs'
  summary: ImportSummary
  /** The batch to add to the ledger; null when nothing can be imported (or nothing is stored: BillingJobOptions.encodeBatch). */
  batch: Batch | null
  /** With `encodeBatch: false`, the billing rows' stored identities, per format in row order (a batch carries its own). */
  identities?: ChargeIdentities
}

export type JobResult = BillingAnalysis | ImportOutcome
