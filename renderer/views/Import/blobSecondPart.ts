import type { BillingSecondPart } from '../../../shared/importers/billing/billingSource'
import { LINE_END_SEARCH_BYTES, lineStartAfter, partReadOptionsOf, splitSearchFrom } from '../../../shared/importers/billing/secondPartSplit'
import type { BillingJobOptions, JobSource } from '../../../shared/importers/jobs/jobTypes'
import type { BlobPartAnswer, BlobPartStart } from './billingPartWorker'
import { readBlob } from './sources'

/**
 * The import worker's share of a big file. The part worker starts later (a nested worker's
 * script loads first) and hands its part over when done (built into plain parts, cloned over
 * the port): split at the middle, the import worker waited for it; at this share, hardly.
 */
const FIRST_WORKER_SHARE = 0.54

/** A started part worker (a Web Worker; an in-memory one in tests): handed a port, it answers over it. */
export interface PartWorker {
  postMessage(message: { port: MessagePort }, transfer: Transferable[]): void
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  terminate(): void
}

/**
 * A big picked file imported on two workers, as the command line reads one on two threads:
 * the import worker reads up to the first line start past its share (FIRST_WORKER_SHARE), a part worker
 * (billingPartWorker.ts) from there to the end, building its share of the batch, which the
 * import worker adds on to its own (importBillingFile.ts). Building a million-row batch on
 * one worker was most of the app's import. `source` as it is for a smaller file.
 */
export async function withSecondPartInWorker(source: JobSource, file: Blob, options: BillingJobOptions, startWorker: () => PartWorker): Promise<JobSource> {
  const from = splitSearchFrom(file.size, FIRST_WORKER_SHARE)
  if (from < 0) return source
  let worker: PartWorker
  try {
    worker = startWorker()
  } catch {
    // A platform whose workers cannot start workers (Safari before 15.5): one reads it all.
    return source
  }
  const { port, ready, answer } = answersOf(worker)
  const at = lineStartAfter(from, new Uint8Array(await file.slice(from, from + LINE_END_SEARCH_BYTES).arrayBuffer()))
  const stop = () => {
    port.close()
    worker.terminate()
  }
  if (at < 0 || at >= file.size) {
    stop()
    return source
  }
  // A nested worker's own messages wait on this worker's event loop, which reading the file keeps busy (the part was read after the first): they go over a port, once it has it.
  await ready
  const secondPart: BillingSecondPart = {
    at,
    start: (header, delimiter) =>
      port.postMessage({ file, name: source.relativePath, at, header: [...header], delimiter, options: partReadOptionsOf(options) } satisfies BlobPartStart),
    async result() {
      const answered = await answer
      // A worker that failed: the import worker reads the part itself, and meets the same failure if it is the file's.
      return 'part' in answered ? answered.part : null
    },
    taken() {},
    cancel: stop,
  }
  return { ...source, chunks: () => chunksEndingAt(file, at), secondPart }
}

/** The file's chunks, one ending at `at` (where the second part is taken, or read on). */
async function* chunksEndingAt(file: Blob, at: number): AsyncGenerator<Uint8Array> {
  yield* readBlob(file.slice(0, at))
  yield* readBlob(file.slice(at))
}

/** The port this worker talks to the part worker over, its first message (it listens) and its answer; a worker that fails to start or stops answers with its error. */
function answersOf(worker: PartWorker): { port: MessagePort; ready: Promise<void>; answer: Promise<Exclude<BlobPartAnswer, { ready: true }>> } {
  const { port1: port, port2 } = new MessageChannel()
  let listening: () => void
  const ready = new Promise<void>((resolve) => (listening = resolve))
  const answer = new Promise<Exclude<BlobPartAnswer, { ready: true }>>((resolve) => {
    port.addEventListener('message', ({ data }: MessageEvent<BlobPartAnswer>) => {
      if ('ready' in data) listening()
      else resolve(data)
    })
    worker.addEventListener('error', (event) => {
      listening()
      resolve({ error: event.message || 'the part worker stopped' })
    })
  })
  port.start()
  worker.postMessage({ port: port2 }, [port2])
  return { port, ready, answer }
}
