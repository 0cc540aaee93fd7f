/// <reference lib="webworker" />
/**
 * The import worker: runs the import pipeline's jobs (shared/importers/jobs/) off the UI
 * thread. Only the messages are its own (workerProtocol.ts).
 */
import { JobCancelled, runJob } from '../../../shared/importers/jobs/importJobs'
import type { JobSource } from '../../../shared/importers/jobs/jobTypes'
import { latin1InScript } from '../../../shared/importers/text/latin1'
import { utf8InScript } from '../../../shared/bytes/utf8Writer'
import { installUtf8Writer } from '../../../shared/hash/murmur3'
import { type PartWorker, withSecondPartInWorker } from './blobSecondPart'
import { postedResult } from './packedIdentities'
import { readBlob } from './sources'
import { installWebCryptoContentHash } from './webCryptoContentHash'
import type { WorkerRequest, WorkerResponse } from './workerProtocol'

/** The worker's side of the protocol, on any message port (the worker scope; a fake pair in tests). */
export interface JobPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void
  postMessage(message: WorkerResponse, transfer: Transferable[]): void
}

interface ActiveJob {
  controller: AbortController
  /** Waiting for the next chunk of a source from the view. */
  waiting: Map<number, { resolve(chunk: Uint8Array | null): void; reject(error: Error): void }>
}

/**
 * `startPartWorker`: where the platform can start another worker, a big picked billing file is
 * imported on two (blobSecondPart.ts); `startHashWorker`: a built batch is hashed on another
 * (webCryptoContentHash.ts).
 */
export function serveImportJobs(port: JobPort, startPartWorker?: () => PartWorker, startHashWorker?: () => Worker): void {
  installWebCryptoContentHash(startHashWorker)
  installUtf8Writer(utf8InScript)
  const active = new Map<number, ActiveJob>()
  const post = (message: WorkerResponse, transfer: Transferable[] = []) => port.postMessage(message, transfer)

  function pulled(id: number, source: number): () => AsyncIterable<Uint8Array> {
    let reads = 0
    return () => {
      const restart = reads++ > 0
      return (async function* () {
        let ended = false
        let first = true
        try {
          for (;;) {
            const job = active.get(id)
            if (!job || job.controller.signal.aborted) throw new JobCancelled()
            const chunk = await new Promise<Uint8Array | null>((resolve, reject) => {
              job.waiting.set(source, { resolve, reject })
              post({ type: 'pull', id, source, restart: restart && first })
              first = false
            })
            if (chunk === null) {
              ended = true
              return
            }
            yield chunk
          }
        } finally {
          if (!ended && active.has(id)) post({ type: 'release', id, source })
        }
      })()
    }
  }

  port.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const message = event.data
    if (message.type === 'chunk') {
      const waiter = active.get(message.id)?.waiting.get(message.source)
      if (!waiter) return
      active.get(message.id)!.waiting.delete(message.source)
      if (message.error) waiter.reject(new Error(message.error))
      else waiter.resolve(message.chunk)
      return
    }
    if (message.type === 'cancel') {
      const job = active.get(message.id)
      if (!job) return
      job.controller.abort()
      for (const waiter of job.waiting.values()) waiter.reject(new JobCancelled())
      active.delete(message.id)
      return
    }
    const { id, job, sources } = message
    const controller = new AbortController()
    active.set(id, { controller, waiting: new Map() })
    const jobSources: JobSource[] = sources.map((ref, index) => ({
      name: ref.name,
      relativePath: ref.relativePath,
      size: ref.size,
      chunks: ref.file ? () => readBlob(ref.file!) : pulled(id, index),
      latin1: latin1InScript,
    }))
    const picked = sources[0]?.file
    const prepared =
      job.kind === 'import-billing' && jobSources.length === 1 && picked && startPartWorker
        ? withSecondPartInWorker(jobSources[0], picked, job.options, startPartWorker).then((source) => [source])
        : Promise.resolve(jobSources)
    prepared.then((read) => runJob(job, read, (progress) => post({ type: 'progress', id, progress }), controller.signal)).then(
      (result) => {
        active.delete(id)
        const { posted, transfer } = postedResult(result)
        post({ type: 'done', id, result: posted }, transfer)
      },
      (error: unknown) => {
        active.delete(id)
        post({ type: 'failed', id, message: error instanceof JobCancelled ? 'cancelled' : (error as Error)?.message || String(error) })
      },
    )
  })
}

declare const self: DedicatedWorkerGlobalScope
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  serveImportJobs(
    self,
    () => new Worker(new URL('./billingPartWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-import-part' }) as PartWorker,
    () => new Worker(new URL('./contentHashWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-import-hash' }),
  )
}
