import { statSync } from 'node:fs'
import type { Worker } from 'node:worker_threads'
import { AgentLogAssembler } from '../../shared/importers/logs/agentLogAssembler'
import { readAgentLogFile, type AgentLogFile } from '../../shared/importers/logs/readAgentLogFile'
import { createStepLabeller } from '../../shared/steps/labelStep'
import { unpackTranscripts } from '../../shared/importers/logs/claudeCode/packedTranscripts'
import { byPath, importAgentLogs, type AgentLogImport, type ImportAgentLogsOptions } from '../../shared/importers/logs/importAgentLogs'
import type { ClaudeTranscript } from '../../shared/importers/logs/claudeCode/claudeCodeLogs'
import { ReadBuffer, reusingLogSource } from '../../node/agentLogs/logFileSource'
import type { ReaderThreadData, ReaderThreadMessage } from './agentLogWorker'
import { endEarlyLogReaders, logReaderThreads, MAX_READING_THREADS, readingThreads } from './logReaderThreads'

/** Below this much to read, starting threads costs more than they save. */
const THREADS_FROM_BYTES = 64 * 1024 * 1024

export interface ReadingChoices {
  /** Told when the threads failed and the import ran again on one thread. */
  notice?: (message: string) => void
}

/**
 * Imports log files from disk. With enough to read, the files are read on one thread per core
 * (this one and worker threads) and assembled here in path order, so the result is the one
 * importAgentLogs gives, whichever thread read which file. If a thread cannot start or fails,
 * everything is read again on this thread.
 */
export async function importAgentLogFiles(paths: readonly string[], options: ImportAgentLogsOptions = {}, choices: ReadingChoices = {}): Promise<AgentLogImport> {
  const threads = threadsFor(paths)
  // Threads started early for a folder whose logs are too few to share are not kept waiting.
  if (threads === 1) endEarlyLogReaders()
  if (threads > 1) {
    try {
      return await importOnThreads(paths, options, threads)
    } catch (error) {
      choices.notice?.(`reading the logs on ${threads} threads failed (${(error as Error).message}); reading them on one thread instead\n`)
    }
  }
  // Read one after another: one buffer serves every file.
  return importAgentLogs(paths.map(reusingLogSource(new ReadBuffer())), options)
}

/** Reading threads, this one included: one per core (up to four) for 64 MB and more, else 1; WORKFOLIO_LOG_THREADS overrides the choice (1: read on the main thread only). */
function threadsFor(paths: readonly string[]): number {
  const forced = Number(process.env.WORKFOLIO_LOG_THREADS)
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, MAX_READING_THREADS)
  let bytes = 0
  // Counted until there is enough: 13,000 files were a tenth of a second of stat calls before any thread started.
  for (let i = 0; i < paths.length && bytes < THREADS_FROM_BYTES; i++) {
    try {
      bytes += statSync(paths[i]).size
    } catch {
      // An unreadable file is reported by the import itself.
    }
  }
  return bytes < THREADS_FROM_BYTES ? 1 : Math.min(readingThreads(), paths.length)
}

/**
 * `threads` readers take files in path order from a shared counter: this thread and
 * `threads - 1` worker threads (agentLogWorker.ts), which send theirs back in batches. Files
 * are merged here in path order as soon as every earlier file is in. This thread reads
 * between merges, so both cores stay busy to the last file, from the start (a worker not
 * started early, see startLogReadersEarly, starts a tenth of a second later), with one
 * JavaScript heap fewer to collect and no copy of its own files between threads.
 */
export async function importOnThreads(paths: readonly string[], options: ImportAgentLogsOptions, threads: number): Promise<AgentLogImport> {
  const ordered = paths.map((path) => ({ path })).sort(byPath)
  const labeller = createStepLabeller(options.stepRules ?? null)
  const assembler = new AgentLogAssembler(options, labeller)
  /** Read files waiting for an earlier one, by index: read here (`file`), or by a worker (in `batch` at `at`). */
  const done = new Map<number, { file: AgentLogFile } | { batch: ReadBatch; at: number }>()
  let merged = 0
  const mergeReady = () => {
    for (let next = done.get(merged); next; next = done.get(merged)) {
      let file: AgentLogFile
      if ('file' in next) {
        file = next.file
      } else {
        const { batch, at } = next
        // Unpacked only when its first file's turn comes: a batch that waits (its thread ran ahead) stays packed.
        batch.unpacked ??= unpackTranscripts(batch.transcripts)
        file = batch.read[at].file
        file.claude = batch.unpacked[at]
      }
      assembler.add(file)
      done.delete(merged++)
    }
  }
  const readers = await logReaderThreads(threads - 1)
  const workers: Worker[] = readers.map(({ worker }) => worker)
  const data: ReaderThreadData = {
    paths: ordered.map((file) => file.path),
    nextFile: new Int32Array(new SharedArrayBuffer(4)),
    stepRules: options.stepRules ?? null,
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false
      const fail = (error: Error) => {
        failed = true
        reject(error)
      }
      for (const { worker, failure } of readers) {
        // One started early may have stopped before it was given its files.
        if (failure) return fail(failure)
        worker.on('message', (message: ReaderThreadMessage) => {
          if ('error' in message) return fail(new Error(message.error))
          const batch: ReadBatch = { ...message, unpacked: null }
          message.read.forEach(({ index }, at) => done.set(index, { batch, at }))
          mergeReady()
          if (merged === ordered.length) resolve()
        })
        worker.on('error', fail)
        worker.on('exit', (exitCode) => exitCode !== 0 && fail(new Error(`log reader thread stopped (exit code ${exitCode})`)))
        worker.ref()
        worker.postMessage(data)
      }
      const logSource = reusingLogSource(new ReadBuffer())
      const readHere = async () => {
        for (let index = Atomics.add(data.nextFile, 0, 1); index < ordered.length && !failed; index = Atomics.add(data.nextFile, 0, 1)) {
          done.set(index, { file: await readAgentLogFile(logSource(ordered[index].path), labeller) })
          mergeReady()
          // Lets the workers' batches in (they arrive as events, which awaiting a read does not let through).
          await new Promise(setImmediate)
        }
        if (merged === ordered.length) resolve()
      }
      readHere().catch(fail)
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return assembler.finish()
}

/** A thread's batch of read files, its transcripts unpacked once merging reaches it. */
type ReadBatch = Extract<ReaderThreadMessage, { read: unknown }> & { unpacked: (ClaudeTranscript | null)[] | null }

