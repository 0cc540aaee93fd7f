/**
 * Messages between the Import view and its parsing worker.
 *
 * The view starts a job with `run`, naming its sources. A source that carries a DOM `file`
 * is read by the worker itself; for any other (the desktop app's Bridge streams) the worker
 * asks for bytes with `pull` and the view answers each with one `chunk` (null at the end), so
 * the worker never holds more than one chunk it has not parsed: back-pressure for free. When
 * the worker stops reading a source early (a preview), it says `release` so the view can
 * close the stream. `progress` arrives a few times a second; a job ends with `done` or
 * `failed`. `cancel` abandons a job.
 */
import type { Batch } from '../../../shared/batches/batch'
import type { BatchIssue } from '../../../shared/records/batch'
import type { Charge } from '../../../shared/records/charge'
import type { ImportProfile, Settings } from '../../../shared/records/settings'

export interface SourceRef {
  name: string
  relativePath: string
  size: number
  file?: Blob
}

export interface BillingJobOptions {
  profiles: ImportProfile[]
  /** A built-in format id or a profile to read the file as, instead of detecting it. */
  format?: string | ImportProfile
  attribution: boolean
  pseudonymSalt: string
}

export interface LogJobOptions {
  /** The workspace settings: pricing table and overrides, step rules, attribution, salt. */
  settings: Settings
  /** Hashed request key → run id of the runs already in the workspace (no request counted twice). */
  knownRequestKeys: [string, string][]
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
  /** How the layout was recognised. */
  detection: 'format' | 'profile' | 'chosen' | 'ambiguous' | 'unknown' | 'unreadable'
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
  /** The batch to add to the ledger; null when nothing can be imported. */
  batch: Batch | null
}

export type JobResult = BillingAnalysis | ImportOutcome

export type WorkerRequest =
  | { type: 'run'; id: number; job: JobSpec; sources: SourceRef[] }
  | { type: 'chunk'; id: number; source: number; chunk: Uint8Array | null; error?: string }
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  /** `restart`: the job reads this source again from the start (a new stream). */
  | { type: 'pull'; id: number; source: number; restart: boolean }
  | { type: 'release'; id: number; source: number }
  | { type: 'progress'; id: number; progress: JobProgress }
  | { type: 'done'; id: number; result: JobResult }
  | { type: 'failed'; id: number; message: string }
