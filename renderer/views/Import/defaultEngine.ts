import { createInProcessEngine, createWorkerEngine, type ImportEngine, type WorkerLike } from './importEngine'

/**
 * The app's import engine: a module Web Worker where the platform has one (Electron and the
 * browser), otherwise parsing in-process. Started as the Import view first opens, so that its
 * script has loaded by the time a file is picked (the preview then waits for no worker to
 * start), and kept for the workspace's lifetime so an import goes on while the person looks
 * elsewhere.
 */
export function createDefaultEngine(): ImportEngine {
  if (typeof Worker === 'undefined') return createInProcessEngine()
  try {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-import' })
    return createWorkerEngine(worker as unknown as WorkerLike)
  } catch {
    return createInProcessEngine()
  }
}
