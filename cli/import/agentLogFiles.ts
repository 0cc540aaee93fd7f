import { fileKindOfPath } from '../../shared/importers/jobs/fileKind'
import type { LogIssue } from '../../shared/importers/logs/types'
import type { Run } from '../../shared/records/run'
import { findLogFiles } from '../../node/agentLogs/discover'
import { InputError } from '../commands/types'
import { readNamedFile } from '../namedFiles'
import type { FileImporter, FileOutcome, ImportContext } from './fileImporter'

/**
 * Coding-agent session logs (every format in shared/importers/logs/sessionLogFormats.ts), read
 * with the import pipeline's options (shared/importers/jobs/logJob.ts) on this machine's
 * threads (importAgentLogFiles.ts). All the log files of one command are imported together,
 * because a request is counted once across them and a subagent file belongs to its parent's
 * session: one `runs` batch, one report per file.
 */
export const agentLogFileImporter: FileImporter = {
  kind: 'runs',
  claims: (file) => fileKindOfPath(file) === 'logs',
  filesIn: (folder, { unreadable, listings }) => findLogFiles([folder], unreadable, listings),
  async importFile(path, context) {
    const [outcome] = await importLogFiles([path], context)
    return outcome
  },
  importFiles: importLogFiles,
}

async function importLogFiles(paths: readonly string[], context: ImportContext): Promise<FileOutcome[]> {
  let pricingTable = context.settings.pricingTable
  if (context.pricingFile) {
    try {
      pricingTable = JSON.parse(readNamedFile(context.pricingFile, 'the pricing table').toString('utf8'))
    } catch (error) {
      const message = error instanceof InputError ? error.message : `cannot read the pricing table ${context.pricingFile}: ${(error as Error).message}`
      return paths.map((path) => rejected(path, message))
    }
  }
  const settings = { ...context.settings, pricingTable, attribution: context.attribution, pseudonymSalt: context.pseudonymSalt }
  // Loaded when logs are named: the readers, the price table and the step rules are a third of the
  // command's code, which a check of a billing export would load for nothing.
  const [{ agentLogImportOptions }, { importAgentLogFiles }] = await Promise.all([import('../../shared/importers/jobs/logJob'), import('../agentLogs/importAgentLogFiles')])
  // A check without a workspace stores no batch, so none is encoded (as for billing files).
  const options = { ...agentLogImportOptions({ settings, knownRequestKeys: context.knownRequestKeys() }, context.importedAt), encodeBatch: context.storesBatches }
  const result = await importAgentLogFiles(paths, options, { notice: context.notice })
  const runsById = new Map(result.runs.map((run) => [run.id, run]))
  const errorsByPath = byPath(result.errors)
  const warningsByPath = byPath(result.warnings)
  const reported = new Set<string>()
  return result.files.map((file): FileOutcome => {
    const errors = errorsByPath.get(file.path) ?? []
    if (errors.length > 0) return rejected(file.path, errors.map((issue) => issue.message).join('; '))
    // Each run is listed once, with the first file that contributed to it.
    const runs = file.runs.filter((id) => !reported.has(id)).map((id) => runsById.get(id)!)
    runs.forEach((run) => reported.add(run.id))
    return {
      report: {
        path: file.path,
        format: file.format,
        kind: 'runs',
        status: 'ok',
        records: file.runs.length,
        errors: [],
        warnings: (warningsByPath.get(file.path) ?? []).map(({ line, message }) => ({ line, message })),
      },
      // One batch object shared by every file of the import: the command stores it once.
      batch: result.batch,
      runs,
    }
  })
}

/** Issues by file, in their order: a file's are looked up once per file, not searched for among all (13,000 files × their warnings). */
function byPath(issues: readonly LogIssue[]): Map<string, LogIssue[]> {
  const grouped = new Map<string, LogIssue[]>()
  for (const issue of issues) {
    const list = grouped.get(issue.path)
    if (list) list.push(issue)
    else grouped.set(issue.path, [issue])
  }
  return grouped
}

function rejected(path: string, message: string): FileOutcome {
  return { report: { path, format: null, kind: 'runs', status: 'rejected', records: 0, errors: [{ line: 0, message }], warnings: [] }, batch: null, runs: [] }
}

/** A run as `import --json` prints it: cache writes of both TTLs together, reasoning apart. */
export function runSummary(run: Run) {
  return {
    id: run.id,
    tool: run.tool,
    repo: run.repo,
    branch: run.branch,
    start: run.start,
    end: run.end,
    models: run.models,
    tokens: {
      input: run.tokens.input,
      output: run.tokens.output,
      cacheWrite: run.tokens.cacheWrite5m + run.tokens.cacheWrite1h,
      cacheRead: run.tokens.cacheRead,
      reasoning: run.tokens.reasoning,
    },
    costUSD: run.costUSD,
    unpricedModels: run.unpricedModels,
    steps: run.steps,
  }
}
