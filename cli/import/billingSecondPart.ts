import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Worker } from 'node:worker_threads'
import type { BillingSecondPart } from '../../shared/importers/billing/billingSource'
import type { JobSource } from '../../shared/importers/jobs/jobTypes'
import { readFileChunks } from '../../node/fileChunks'
import { FILE_CHUNK_BYTES } from '../../node/fileJobSource'
import { EarlyThreads } from '../earlyThreads'
import { startWorker, workerScript } from '../workerScript'
import { hasBillingExtension } from '../../shared/importers/jobs/billingExtensions'
import { LINE_END_SEARCH_BYTES, lineStartAfter, partReadOptionsOf, type PartReadOptions, splitSearchFrom } from '../../shared/importers/billing/secondPartSplit'
import type { PartThreadMessage, PartThreadStart } from './billingPartWorker'
import type { PendingChargesData } from './importedChargeTotals'

/**
 * This thread's share of a file whose batch is built: the second thread then hands over its
 * share of the batch too (its columns made plain parts), which this one waited for when the
 * file was split at its middle. A check's part is ready
 * as soon as it is read.
 */
const FIRST_SHARE_BUILDING_BATCH = 0.52

/**
 * A big billing file whose identities are compared with no other file's reads on two threads:
 * this one from the start to the first line after the middle (a little past it when the batch
 * is built: FIRST_SHARE_BUILDING_BATCH), a second one
 * (billingPartWorker.ts) from there to the end, each parsing its rows, summing them and
 * hashing their identities (and, with `encodeBatch`, building their columns), which this
 * thread then merges as if it had read on (importBillingFile.ts). Each row's identity costs
 * about as much as parsing it, so one thread alone ran a check at 0.7–0.8x papaparse's parse
 * (and an import with a workspace, whose columns cost as much again, at 0.25x). `source` as
 * it is for a smaller file; `onTaken` gets the second part's charges when they are counted.
 */
export async function withSecondPartOnThread(
  source: JobSource,
  path: string,
  options: PartReadOptions,
  onTaken: (charges: PendingChargesData) => void,
): Promise<JobSource> {
  const from = splitSearchFrom(source.size, options.encodeBatch === false ? 0.5 : FIRST_SHARE_BUILDING_BATCH)
  if (from < 0 || !source.latin1) return source
  const at = lineStartAfter(from, bytesAt(path, from))
  if (at < 0 || at >= source.size) return source
  const { worker, answer } = await partThreadFor(path)
  const name = source.relativePath
  let received: PartThreadMessage | null = null
  const secondPart: BillingSecondPart = {
    at,
    start: (header, delimiter) => worker.postMessage({ path, name, at, size: source.size, header, delimiter, options: partReadOptionsOf(options) } satisfies PartThreadStart),
    async result() {
      worker.ref()
      received = await answer
      // A thread that failed: this one reads the part itself, and meets the same failure if it is the file's.
      return 'part' in received ? received.part : null
    },
    taken() {
      if (received && 'charges' in received) onTaken(received.charges)
    },
    cancel: () => void worker.terminate(),
  }
  return { ...source, chunks: () => readFileChunks(path, FILE_CHUNK_BYTES, { chunkEnd: at }), secondPart }
}

/** A second part's thread, with its one answer (listened for from its start, so an early failure is kept). */
interface PartThread {
  worker: Worker
  answer: Promise<PartThreadMessage>
}

/** The thread startPartThreadEarly started, for the file (its path) it was started for. */
const early = new EarlyThreads<PartThread>(({ worker }) => void worker.terminate())

/**
 * Starts the thread that would read the second part of the file at `path` now, at the
 * command's start, when the file is big enough to be read on two threads: a thread takes
 * a while to start, and this way it starts while the command loads its code and reads the
 * header instead of after. withSecondPartOnThread takes it (see EarlyThreads). Returns
 * whether it started one.
 */
export function startPartThreadEarly(path: string): boolean {
  early.drop()
  // A session log, an outcome export or a folder is never read in parts.
  if (!hasBillingExtension(path)) return false
  let size = 0
  try {
    const stats = statSync(path)
    if (stats.isFile()) size = stats.size
  } catch {
    // A path that cannot be read: the command reports it, as it does without this thread.
    return false
  }
  if (splitSearchFrom(size) < 0) return false
  // One that fails to start is told when taken: withSecondPartOnThread reads on one thread.
  early.start(path, 1, startPartThread)
  return true
}

/** The thread started early for `path`, or a new one. */
function partThreadFor(path: string): Promise<PartThread> {
  return early.take(path, 1)[0] ?? startPartThread()
}

async function startPartThread(): Promise<PartThread> {
  const script = await workerScript(new URL('./billingPartWorker.cjs', import.meta.url), new URL('./billingPartWorker.ts', import.meta.url))
  const worker = startWorker(script, {})
  const answer = new Promise<PartThreadMessage>((resolve) => {
    worker.once('message', resolve)
    worker.once('error', (error) => resolve({ error: error.message }))
    worker.once('exit', (exitCode) => resolve({ error: `the thread stopped (exit code ${exitCode})` }))
  })
  // Never what keeps the command running, only while its answer is awaited: unreferenced after
  // the listeners, as listening for messages references it again (a thread started early and
  // never taken would keep the command from ending).
  worker.unref()
  return { worker, answer }
}

/** The bytes where the second part's start is looked for. */
function bytesAt(path: string, from: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(LINE_END_SEARCH_BYTES)
  const fd = openSync(path, 'r')
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, from))
  } finally {
    closeSync(fd)
  }
}
