import { createInProcessEngine, createWorkerEngine, type ImportEngine, type WorkerLike } from './importEngine'

/**
 * The app's import engine: a module Web Worker where the platform has one (Electron and the
 * browser), otherwise parsing in-process. The worker only starts with the first job, and then
 * stays for the workspace's lifetime so an import goes on while the person looks elsewhere.
 */
export function createLazyDefaultEngine(): ImportEngine {
  let engine: ImportEngine | null = null
  return {
    run: (job, sources, onProgress) => (engine ??= createDefaultEngine()).run(job, sources, onProgress),
    dispose() {
      engine?.dispose()
      engine = null
    },
  }
}

export function createDefaultEngine(): ImportEngine {
  if (typeof Worker === 'undefined') return createInProcessEngine()
  try {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-import' })
    return createWorkerEngine(worker as unknown as WorkerLike)
  } catch {
    return createInProcessEngine()
  }
}
