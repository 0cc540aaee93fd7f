/**
 * Runs import jobs: in a Web Worker in the app (parsing never blocks the UI), or in-process
 * where there is no worker (component tests): the import pipeline's jobs
 * (shared/importers/jobs/). Both sides speak workerProtocol.ts.
 */
import { JobCancelled, runJob } from '../../../shared/importers/jobs/importJobs'
import { receivedResult } from './packedIdentities'
import { jobSource, type ImportSource } from './sources'
import type { JobProgress, JobResult, JobSpec } from '../../../shared/importers/jobs/jobTypes'
import type { SourceRef, WorkerRequest, WorkerResponse } from './workerProtocol'

export interface RunningJob<R extends JobResult = JobResult> {
  result: Promise<R>
  cancel(): void
}

export interface ImportEngine {
  run<R extends JobResult = JobResult>(job: JobSpec, sources: ImportSource[], onProgress?: (progress: JobProgress) => void): RunningJob<R>
  dispose(): void
}

export function isCancelled(error: unknown): boolean {
  return error instanceof JobCancelled || (error instanceof Error && error.message === 'cancelled')
}

/** Parses on the calling thread: the same jobs, without a worker. */
export function createInProcessEngine(): ImportEngine {
  return {
    run<R extends JobResult>(job: JobSpec, sources: ImportSource[], onProgress: (progress: JobProgress) => void = () => {}) {
      const controller = new AbortController()
      const result = runJob(job, sources.map(jobSource), onProgress, controller.signal) as Promise<R>
      return { result, cancel: () => controller.abort() }
    },
    dispose() {},
  }
}

export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  terminate(): void
}

interface PendingJob {
  sources: ImportSource[]
  streams: Map<number, AsyncIterator<Uint8Array>>
  onProgress: (progress: JobProgress) => void
  resolve(result: JobResult): void
  reject(error: Error): void
}

/**
 * Drives a worker running importWorker.ts. Files with a DOM `file` are posted whole; the rest
 * are streamed on the worker's demand (one chunk per `pull`).
 */
export function createWorkerEngine(worker: WorkerLike): ImportEngine {
  const jobs = new Map<number, PendingJob>()
  let nextId = 1

  const closeStream = (job: PendingJob, source: number) => {
    const stream = job.streams.get(source)
    job.streams.delete(source)
    void stream?.return?.().catch(() => undefined)
  }
  const finish = (id: number) => {
    const job = jobs.get(id)
    jobs.delete(id)
    if (job) for (const source of [...job.streams.keys()]) closeStream(job, source)
    return job
  }

  const pull = async (id: number, source: number, restart: boolean) => {
    const job = jobs.get(id)
    if (!job) return
    try {
      if (restart) closeStream(job, source)
      let stream = job.streams.get(source)
      if (!stream) {
        stream = job.sources[source].stream()[Symbol.asyncIterator]()
        job.streams.set(source, stream)
      }
      const next = await stream.next()
      if (next.done) job.streams.delete(source)
      if (jobs.has(id)) worker.postMessage({ type: 'chunk', id, source, chunk: next.done ? null : next.value })
    } catch (error) {
      if (jobs.has(id)) worker.postMessage({ type: 'chunk', id, source, chunk: null, error: (error as Error).message || String(error) })
    }
  }

  worker.addEventListener('message', (event) => {
    const message = event.data
    switch (message.type) {
      case 'pull':
        void pull(message.id, message.source, message.restart)
        break
      case 'release': {
        const job = jobs.get(message.id)
        if (job) closeStream(job, message.source)
        break
      }
      case 'progress':
        jobs.get(message.id)?.onProgress(message.progress)
        break
      case 'done':
        finish(message.id)?.resolve(receivedResult(message.result))
        break
      case 'failed':
        finish(message.id)?.reject(message.message === 'cancelled' ? new JobCancelled() : new Error(message.message))
        break
    }
  })
  worker.addEventListener('error', (event) => {
    for (const id of [...jobs.keys()]) finish(id)?.reject(new Error(`the import worker stopped: ${event.message || 'unknown error'}`))
  })

  return {
    run<R extends JobResult>(job: JobSpec, sources: ImportSource[], onProgress: (progress: JobProgress) => void = () => {}) {
      const id = nextId++
      const result = new Promise<R>((resolve, reject) => {
        jobs.set(id, { sources, streams: new Map(), onProgress, resolve: resolve as (result: JobResult) => void, reject })
      })
      const refs: SourceRef[] = sources.map((source) => ({ name: source.name, relativePath: source.relativePath, size: source.size, file: source.file }))
      worker.postMessage({ type: 'run', id, job, sources: refs })
      return {
        result,
        cancel() {
          if (!jobs.has(id)) return
          worker.postMessage({ type: 'cancel', id })
          finish(id)?.reject(new JobCancelled())
        },
      }
    },
    dispose() {
      for (const id of [...jobs.keys()]) finish(id)?.reject(new JobCancelled())
      worker.terminate()
    },
  }
}
