/**
 * Agent session logs (Claude Code, Codex) → one batch of runs, through the logs importer in
 * shared/importers/logs/.
 */
import type { JobSource } from './importJobs'
import type { ImportOutcome, JobProgress } from './workerProtocol'

export async function importLogFiles(
  _sources: JobSource[],
  _options: { attribution: boolean; pseudonymSalt: string },
  _importedAt: string,
  _onProgress: (progress: JobProgress) => void,
): Promise<ImportOutcome> {
  throw new Error('importing agent logs is not available in this build yet')
}
