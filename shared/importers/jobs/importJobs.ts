/**
 * The import pipeline's entry: the jobs the app's import worker runs (in-process in component
 * tests). `cli import` calls the same steps per file: importBilling (billingJob.ts) and
 * importOutcomes (outcomeJob.ts), and reads logs with agentLogImportOptions (logJob.ts) on its
 * own threads. Which job a file gets is fileKind.ts's to say. Pure: files arrive as byte
 * streams, and the platforms keep only reading, threads and messages.
 */
import type { JobProgress, JobResult, JobSource, JobSpec } from './jobTypes'
import { analyzeBilling, importBilling } from './billingJob'
import { importLogFiles } from './logJob'

export class JobCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export async function runJob(job: JobSpec, sources: JobSource[], onProgress: (progress: JobProgress) => void, signal?: AbortSignal): Promise<JobResult> {
  const guarded = sources.map((source) => ({ ...source, chunks: () => guard(source.chunks(), signal) }))
  switch (job.kind) {
    case 'analyze-billing':
      return analyzeBilling(guarded[0], job.options)
    case 'import-billing':
      return importBilling(guarded[0], job.options, job.importedAt, { onProgress })
    case 'import-logs':
      return importLogFiles(guarded, job.options, job.importedAt, onProgress)
  }
}

async function* guard(chunks: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    if (signal?.aborted) throw new JobCancelled()
    yield chunk
  }
}
