import { existsSync, statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { knownRequestKeys } from '../../shared/importers/logs/requestKeys'
import { formatUnpriced, summarizeUnpriced } from '../../shared/pricing/unpricedModels'
import type { Run } from '../../shared/records/run'
import type { ImportProfile } from '../../shared/records/settings'
import { DEFAULT_SETTINGS } from '../../shared/workspace/defaultSettings'
import { agentLogFileImporter, runSummary } from '../import/agentLogFiles'
import { billingFileImporter } from '../import/billingFiles'
import { outcomeFileImporter } from '../import/outcomeFiles'
import { ImportedChargeTotalsBuilder } from '../import/importedChargeTotals'
import type { FileImporter, FileOutcome, FileReport, FolderScan, ImportContext } from '../import/fileImporter'
import { FolderListings } from '../../node/filesInFolder'
import { formatImportReport } from '../import/importReportText'
import { describeFileError } from '../fileErrors'
import { notARegularFile } from '../namedFiles'
import type { OpenWorkspace } from '../workspaceStore'
import { IMPORT_OPTIONS } from './importArgs'
import { InputError, UsageError, type CliCommand, type CliIO } from './types'

const usage = 'npm run --silent cli -- import [--json] [--workspace FILE] [--skip-bad-rows] [--pricing FILE] PATH...'

/**
 * The kinds of file `import` understands, asked in order: the first whose `claims` accepts a
 * named file gets it; every importer lists its own files inside named folders. Outcome
 * exports come before billing (a metrics CSV is no bill); billing comes last because it takes
 * any file named explicitly.
 */
const IMPORTERS: readonly FileImporter[] = [agentLogFileImporter, outcomeFileImporter, billingFileImporter]

/**
 * Imports billing exports, agent session logs and outcome exports (see `outcomes import`).
 * Each billing or outcome file becomes one immutable batch or is rejected whole; the agent
 * logs named together become one batch of runs. With --workspace the batches are added to that file (created if missing) under its lock, taken
 * before any file is read (see workspaceStore.ts), otherwise nothing is written; the same
 * content named twice, or a file whose every row is already counted, is reported as a
 * duplicate. Exit 0 when every file imported, 1 when any was rejected.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import billing exports (CSV) and agent session logs (JSONL) into a workspace, or check them without one',
  usage,
  async run(args, io) {
    let parsed: { values: { json?: boolean; workspace?: string; 'skip-bad-rows'?: boolean; pricing?: string }; positionals: string[] }
    try {
      parsed = parseArgs({
        args,
        options: IMPORT_OPTIONS,
        strict: true,
        allowPositionals: true,
      })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    return importPaths(IMPORTERS, parsed.positionals, parsed.values, io)
  },
}

/**
 * Imports the named files and folders with `importers` (see IMPORTERS) into the workspace when
 * one is named, under its lock, prints the report and returns the exit code.
 */
export async function importPaths(
  importers: readonly FileImporter[],
  positionals: string[],
  values: { json?: boolean; workspace?: string; 'skip-bad-rows'?: boolean; pricing?: string },
  io: CliIO,
): Promise<number> {
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to import')
  const pricingFile = values.pricing ? resolve(io.cwd, values.pricing) : null
  if (pricingFile && !existsSync(pricingFile)) throw new UsageError(`no pricing file at ${pricingFile}`)
  const paths = positionals.map((path) => resolve(io.cwd, path))

  const options = { skipBadRows: values['skip-bad-rows'] ?? false, pricingFile, json: values.json ?? false }
  if (!values.workspace) return importFiles(planFiles(importers, paths, [], io), options, null, io)
  // Loaded only when needed: Yjs and zod take a tenth of a second to load, a visible share of a check without a workspace.
  const { updateWorkspaceFile } = await import('../workspaceStore')
  // Planned under the lock: the workspace's import profiles say which CSVs are incident exports.
  return updateWorkspaceFile(resolve(io.cwd, values.workspace), (workspace) => importFiles(planFiles(importers, paths, profilesOf(workspace), io), options, workspace, io), { notice: io.stderr })
}

function profilesOf(workspace: OpenWorkspace | null): ImportProfile[] {
  return workspace?.governance.importProfiles.list().records ?? []
}

/** Imports the planned files, into the workspace (whose lock is held) when there is one; returns the exit code. */
async function importFiles(work: PlannedFile[], options: { skipBadRows: boolean; pricingFile: string | null; json: boolean }, workspace: OpenWorkspace | null, io: CliIO): Promise<number> {
  const settings = workspace?.governance.settings.read().settings
  const context: ImportContext = {
    skipBadRows: options.skipBadRows,
    storesBatches: workspace !== null,
    identitiesCompared: work.filter(({ importer }) => importer.kind === 'charges').length > 1,
    attribution: settings?.attribution ?? false,
    pseudonymSalt: settings?.pseudonymSalt ?? '',
    profiles: profilesOf(workspace),
    pricingFile: options.pricingFile,
    importedAt: new Date().toISOString(),
    settings: settings ?? DEFAULT_SETTINGS,
    knownRequestKeys: () => knownRequestKeys(workspace?.ledger.runs().records ?? []),
    chargeTotals: new ImportedChargeTotalsBuilder(),
    notice: io.stderr,
  }

  const files: FileReport[] = []
  const runs: Run[] = []
  const batchIds = new Set<string>()
  const storedBatches = new Map<object, FileReport['status']>()
  let added = 0
  // Each outcome is stored and counted before the next file is read, so a row that an earlier
  // file of this run already holds is recognised while the later file streams by.
  const take = (outcome: FileOutcome) => {
    const { path } = outcome.report
    let status = outcome.report.status
    if (outcome.batch) {
      // Files of one grouped import share a batch: it is stored once and they share its status.
      if (!storedBatches.has(outcome.batch)) {
        storedBatches.set(outcome.batch, store(outcome, workspace, batchIds))
        if (storedBatches.get(outcome.batch) === 'ok') added++
      }
      status = storedBatches.get(outcome.batch)!
    } else if (status === 'ok' && everyRowCounted(outcome)) {
      status = 'duplicate'
    }
    files.push({ ...outcome.report, path: relative(io.cwd, path) || path, status })
    if (status !== 'ok') return
    outcome.charges?.commit(outcome.batch?.identities ?? outcome.identities)
    runs.push(...(outcome.runs ?? []))
  }
  for (const { importer, paths } of groupByImporter(work)) {
    if (importer.importFiles) (await importer.importFiles(paths, context)).forEach(take)
    else for (const path of paths) take(await importer.importFile(path, context))
  }
  if (workspace && added > 0) await workspace.save()

  const summary = context.chargeTotals.build()
  const unpriced = summarizeUnpriced(runs)
  io.stdout(
    options.json
      ? JSON.stringify({ files, charges: summary, runs: runs.map(runSummary), unpriced }, null, 2) + '\n'
      : formatImportReport(files, summary, workspace ? { path: workspace.path, added } : null) + formatUnpriced(unpriced).map((line) => `${line}\n`).join(''),
  )
  return files.some((file) => file.status === 'rejected') ? 1 : 0
}

/**
 * Adds a batch to the workspace (or, without one, to this run's set): 'duplicate' when the
 * same content is already there, or when every row of the file is (a copy under another name).
 */
function store(outcome: FileOutcome, workspace: OpenWorkspace | null, batchIds: Set<string>): FileReport['status'] {
  const { meta } = outcome.batch!
  if (batchIds.has(meta.id)) return 'duplicate'
  if (everyRowCounted(outcome)) return 'duplicate'
  batchIds.add(meta.id)
  if (!workspace) return 'ok'
  return workspace.ledger.add(outcome.batch!) === 'duplicate' ? 'duplicate' : 'ok'
}

/**
 * Whether every row of a billing file was already counted in this run (a copy under another
 * name, or rows all held by earlier files); one already in the workspace is the ledger's to say.
 */
function everyRowCounted(outcome: FileOutcome): boolean {
  return outcome.charges !== undefined && outcome.report.records > 0 && outcome.charges.newRows === 0
}

/** The planned files per importer, importers in the order they first appear. */
function groupByImporter(work: PlannedFile[]): { importer: FileImporter; paths: string[] }[] {
  const groups = new Map<FileImporter, string[]>()
  for (const { path, importer } of work) {
    const paths = groups.get(importer)
    if (paths) paths.push(path)
    else groups.set(importer, [path])
  }
  return [...groups].map(([importer, paths]) => ({ importer, paths }))
}

interface PlannedFile {
  path: string
  importer: FileImporter
}

/**
 * Which importer reads which file: named files by `claims`, folders through each importer's
 * `filesIn`. A named path that is no regular file (a pipe, a device) is refused before
 * anything opens it; a subfolder that cannot be listed is reported and skipped.
 */
function planFiles(importers: readonly FileImporter[], paths: string[], profiles: readonly ImportProfile[], io: CliIO): PlannedFile[] {
  const work: PlannedFile[] = []
  const planned = new Set<string>()
  const plan = (path: string, importer: FileImporter) => {
    if (planned.has(path)) return
    planned.add(path)
    work.push({ path, importer })
  }
  // Each importer walks the folder: a subfolder none can list is reported once, at the end.
  const skipped = new Map<string, unknown>()
  // Each folder is listed once for every kind's walk.
  const scan: FolderScan = { unreadable: (folder, error) => skipped.set(folder, error), listings: new FolderListings() }
  for (const path of paths) {
    let stats
    try {
      stats = statSync(path)
    } catch (error) {
      throw new UsageError(`cannot import ${describeFileError(error, path)}`)
    }
    if (stats.isDirectory()) {
      const before = work.length
      for (const importer of importers) for (const file of importer.filesIn(path, scan, profiles)) plan(file, importer)
      if (skipped.has(path)) throw new InputError(`cannot import ${describeFileError(skipped.get(path), path)}`)
      if (work.length === before) throw new UsageError(`no importable files in ${path}`)
      continue
    }
    const problem = notARegularFile(path, stats)
    if (problem) throw new UsageError(`cannot import ${problem}`)
    const importer = importers.find((candidate) => candidate.claims(path, profiles))
    if (!importer) throw new UsageError(`not a kind of file this command imports: ${path}`)
    plan(path, importer)
  }
  for (const [folder, error] of skipped) io.stderr(`Skipped ${describeFileError(error, folder)}\n`)
  return work
}
