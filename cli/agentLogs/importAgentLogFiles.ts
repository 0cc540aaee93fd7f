import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AgentLogAssembler } from '../../shared/importers/logs/agentLogAssembler'
import { byPath, importAgentLogs, type AgentLogImport, type ImportAgentLogsOptions } from '../../shared/importers/logs/importAgentLogs'
import type { AgentLogFile } from '../../shared/importers/logs/readAgentLogFile'
import { fileLogSource } from './fileSource'

/** Below this much to read, starting threads costs more than they save. */
const THREADS_FROM_BYTES = 64 * 1024 * 1024
const MAX_THREADS = 4

/**
 * Imports log files from disk. With enough to read, the files are read on one worker thread
 * per core and assembled here in path order, so the result is the one importAgentLogs gives,
 * whichever thread read which file. If a thread cannot start or fails, everything is read
 * again on this thread.
 */
export async function importAgentLogFiles(paths: readonly string[], options: ImportAgentLogsOptions = {}, threads = threadsFor(paths)): Promise<AgentLogImport> {
  if (threads > 1) {
    try {
      return await importOnThreads(paths, options, threads)
    } catch {
      // Fall through: one thread.
    }
  }
  return importAgentLogs(paths.map(fileLogSource), options)
}

function threadsFor(paths: readonly string[]): number {
  let bytes = 0
  for (const path of paths) {
    try {
      bytes += statSync(path).size
    } catch {
      // An unreadable file is reported by the import itself.
    }
  }
  return bytes < THREADS_FROM_BYTES ? 1 : Math.min(availableParallelism(), MAX_THREADS, paths.length)
}

/** Files go out in path order to whichever thread is free; results are merged in that order. */
export async function importOnThreads(paths: readonly string[], options: ImportAgentLogsOptions, threads: number): Promise<AgentLogImport> {
  const ordered = [...new Set(paths)].map((path) => ({ path })).sort(byPath)
  const assembler = new AgentLogAssembler(options)
  const done = new Map<number, AgentLogFile>()
  const code = await workerScript()
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let sent = 0
      let merged = 0
      const send = (worker: Worker) => {
        if (sent < ordered.length) worker.postMessage({ index: sent, path: ordered[sent++].path })
      }
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(code, { eval: true, workerData: { stepRules: options.stepRules ?? null } })
        workers.push(worker)
        worker.on('message', (message: { index: number; file?: AgentLogFile; error?: string }) => {
          if (message.error !== undefined) return reject(new Error(message.error))
          done.set(message.index, message.file!)
          while (done.has(merged)) {
            assembler.add(done.get(merged)!)
            done.delete(merged++)
          }
          if (merged === ordered.length) resolve()
          else send(worker)
        })
        worker.on('error', reject)
        worker.on('exit', (exitCode) => exitCode !== 0 && reject(new Error(`log reader thread stopped (exit code ${exitCode})`)))
        send(worker)
      }
      if (ordered.length === 0) resolve()
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return assembler.finish()
}

let bundled: Promise<string> | null = null

/**
 * The reader thread's code as one CommonJS script. The command line runs its TypeScript
 * through tsx, whose loader a thread would have to start again (half a second each);
 * bundling the thread's few modules with esbuild takes a tenth of that, once per process.
 */
function workerScript(): Promise<string> {
  bundled ??= import('esbuild').then(async ({ build }) => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./agentLogWorker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    })
    return result.outputFiles[0].text
  })
  return bundled
}
