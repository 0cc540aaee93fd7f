import type { Batch } from '../../shared/batches/batch'
import type { ChargeIdentities } from '../../shared/batches/identities'
import type { FolderWalk } from '../../node/filesInFolder'
import type { BatchIssue, BatchMeta } from '../../shared/records/batch'
import type { Run } from '../../shared/records/run'
import type { ImportProfile, Settings } from '../../shared/records/settings'
import type { ImportedChargeTotalsBuilder, PendingCharges } from './importedChargeTotals'

/** One file's line in the import report (the `files` array of `import --json`). */
export interface FileReport {
  path: string
  format: string | null
  kind: BatchMeta['kind'] | null
  status: 'ok' | 'rejected' | 'duplicate'
  records: number
  errors: BatchIssue[]
  warnings: BatchIssue[]
}

/** What importing one file produced: its report, the batch to add, and its share of the charge summary. */
export interface FileOutcome {
  report: FileReport
  batch: Batch | null
  /** Committed to the summary only when the file's batch is stored (not rejected, not a duplicate). */
  charges?: PendingCharges
  /** The charges' stored identities when no batch was built (ImportContext.storesBatches false). */
  identities?: ChargeIdentities
  /** The runs this file was the first to contribute to (agent-log importers). */
  runs?: Run[]
}

/** What every kind's walk of a named folder shares (FileImporter.filesIn). */
export type FolderScan = Required<Pick<FolderWalk, 'unreadable' | 'listings'>>

/** Everything an importer may need from the command line and the workspace. */
export interface ImportContext {
  skipBadRows: boolean
  /** Whether the batches are stored (a workspace is named); without, a billing file's rows are only checked and counted, not encoded. */
  storesBatches: boolean
  /** Whether the run has several billing files, whose rows' identities are compared (a single file's need not be kept). */
  identitiesCompared: boolean
  attribution: boolean
  pseudonymSalt: string
  profiles: readonly ImportProfile[]
  /** `--pricing FILE`: a LiteLLM-format table for importers that price usage (agent logs). */
  pricingFile: string | null
  importedAt: string
  /** The workspace's settings (defaults without one): pricing table and overrides, step rules. */
  settings: Settings
  /** Request key → run id of the runs already in the workspace, so no request is counted twice. */
  knownRequestKeys: () => ReadonlyMap<string, string>
  /** The run's charge summary, which billing importers add each file's charges to as they read them. */
  chargeTotals: ImportedChargeTotalsBuilder
  /** Tells the person running the command something that is not about one file (stderr). */
  notice: (message: string) => void
}

/**
 * A kind of file `import` understands. The command asks each importer in order which named
 * files it claims and which files inside a named folder it wants, so a second kind (agent
 * logs) plugs in beside billing CSVs without touching the command.
 */
export interface FileImporter {
  kind: 'charges' | 'runs' | 'outcomes'
  /** Whether a file the user named explicitly is of this kind (`profiles`: the workspace's import profiles, which may claim a CSV as incidents). */
  claims(file: string, profiles: readonly ImportProfile[]): boolean
  /**
   * The files of this kind inside a folder the user named, walked with the command's `scan`: a
   * subfolder that cannot be listed goes to its `unreadable`, folders listed by another kind's
   * walk are in its `listings` (filesInFolder.ts).
   */
  filesIn(folder: string, scan: FolderScan, profiles: readonly ImportProfile[]): string[]
  importFile(path: string, context: ImportContext): Promise<FileOutcome>
  /**
   * For kinds whose files belong together (agent logs: requests deduplicated across files,
   * subagent files joining their parent session): all planned files at once, one outcome per
   * file in order. Outcomes may share one batch object, which the command then stores once.
   */
  importFiles?(paths: readonly string[], context: ImportContext): Promise<FileOutcome[]>
}
