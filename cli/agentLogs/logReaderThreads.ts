import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { EarlyThreads } from '../earlyThreads'
import { startWorker, workerScript } from '../workerScript'

/** At most this many threads read logs, this one included. */
export const MAX_READING_THREADS = 4
/**
 * A reader thread's young generation (V8's default is 48 MB): what it allocates per file dies
 * young, so a smaller one costs little CPU, while each thread's touched pages were held at
 * the peak RSS (a smaller one still saved no more memory, for more CPU).
 */
const THREAD_YOUNG_GENERATION_MB = 24
const USE = 'agent logs'

/** A log reader thread (agentLogWorker.ts), waiting for its path list, with what stopped it before it was given one. */
export interface LogReaderThread {
  worker: Worker
  failure: Error | null
}

const endReader = ({ worker }: LogReaderThread) => void worker.terminate()
const early = new EarlyThreads<LogReaderThread>(endReader)

/**
 * Starts the reader threads an import of a folder would read its logs with (one per core
 * beside this one), now, at the command's start: they load while the command loads its code
 * and finds the files, instead of after (so the reading starts sooner on them).
 * A folder of no logs, or of too few to share, ends them unused. Returns how many it started.
 */
export function startLogReadersEarly(paths: readonly string[]): number {
  early.drop()
  const folder = paths.some((path) => {
    try {
      return statSync(path).isDirectory()
    } catch {
      // A path that cannot be read: the command reports it.
      return false
    }
  })
  const count = folder ? readingThreads() - 1 : 0
  if (count > 0) early.start(USE, count, startLogReader)
  return count
}

/** Reading threads, this one included: one per core, up to MAX_READING_THREADS. */
export function readingThreads(): number {
  return Math.min(availableParallelism(), MAX_READING_THREADS)
}

/** Ends the reader threads started early, unused. */
export function endEarlyLogReaders(): void {
  early.drop()
}

/**
 * `count` reader threads: those started early (any beyond `count` ended), and new ones for the
 * rest. When one cannot start, the others are ended and its error thrown.
 */
export async function logReaderThreads(count: number): Promise<LogReaderThread[]> {
  const started = early.take(USE, count)
  while (started.length < count) started.push(startLogReader())
  const settled = await Promise.allSettled(started)
  const failed = settled.find((result) => result.status === 'rejected')
  if (!failed) return settled.map((result) => (result as PromiseFulfilledResult<LogReaderThread>).value)
  for (const result of settled) if (result.status === 'fulfilled') endReader(result.value)
  throw failed.reason
}

async function startLogReader(): Promise<LogReaderThread> {
  const script = await workerScript(new URL('./agentLogWorker.cjs', import.meta.url), new URL('./agentLogWorker.ts', import.meta.url))
  const thread: LogReaderThread = { worker: startWorker(script, { resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB } }), failure: null }
  // Heard from its start, so a thread that stops before it is given its work is known to have.
  thread.worker.once('error', (error) => (thread.failure ??= error))
  thread.worker.once('exit', (exitCode) => (thread.failure ??= new Error(`log reader thread stopped (exit code ${exitCode})`)))
  // Never what keeps the command running while it waits: the reading references it again.
  thread.worker.unref()
  return thread
}
