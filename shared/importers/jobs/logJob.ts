/**
 * Agent session logs (every format of shared/importers/logs/sessionLogFormats.ts) → one batch
 * of runs, through the logs importer in shared/importers/logs/. All files of one import go in
 * together: a request is counted once across them and a subagent file belongs to its parent's
 * session.
 */
import { importAgentLogs, importOptionsFromSettings, type ImportAgentLogsOptions } from '../logs/importAgentLogs'
import type { ImportOutcome, JobProgress, JobSource, LogJobOptions } from './jobTypes'
import { throttle } from './throttle'

/** What reading the logs needs from the workspace: its settings, the requests it already counts, the import's time. */
export function agentLogImportOptions(options: LogJobOptions, importedAt: string): ImportAgentLogsOptions {
  return { ...importOptionsFromSettings(options.settings), knownRequestKeys: new Map(options.knownRequestKeys), importedAt }
}

export async function importLogFiles(sources: JobSource[], options: LogJobOptions, importedAt: string, onProgress: (progress: JobProgress) => void): Promise<ImportOutcome> {
  const report = throttle(onProgress)
  const totalBytes = sources.reduce((sum, source) => sum + source.size, 0)
  let bytes = 0
  let lines = 0
  const counted = (source: JobSource) =>
    async function* () {
      for await (const chunk of source.chunks()) {
        bytes += chunk.byteLength
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
        report({ bytes, totalBytes, rows: lines, file: source.relativePath })
        yield chunk
      }
    }
  const result = await importAgentLogs(
    sources.map((source) => ({ path: source.relativePath, chunks: counted(source) })),
    agentLogImportOptions(options, importedAt),
  )
  report.flush()
  const errors = result.errors.map((issue) => ({ line: 0, message: `${issue.path}: ${issue.message}` }))
  const warnings = result.warnings.map((issue) => ({ line: 0, message: issue.line > 0 ? `${issue.path}:${issue.line}: ${issue.message}` : `${issue.path}: ${issue.message}` }))
  if (!result.batch && errors.length === 0) {
    errors.push({ line: 0, message: `no agent session with token usage in ${sources.length === 1 ? 'this file' : `these ${sources.length} files`}` })
  }
  return {
    kind: 'import-logs',
    summary: {
      status: result.batch ? 'ok' : 'rejected',
      format: 'agent-logs',
      formatLabel: 'Agent session logs',
      records: result.runs.length,
      // Unreadable files and skipped lines never block a log import: the rest of each session
      // still counts. They are reported with the batch instead.
      errors,
      errorCount: 0,
      warnings: [...warnings, ...(result.unpricedModels.length > 0 ? [{ line: 0, message: `no price for ${result.unpricedModels.join(', ')}; their cost is counted as 0` }] : [])],
      bytes,
      files: [],
    },
    batch: result.batch,
  }
}
