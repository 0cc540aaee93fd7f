import { useEffect, useMemo, useRef } from 'react'
import { createInProcessEngine, createWorkerEngine, type ImportEngine, type WorkerLike } from './importEngine'

/**
 * The view's import engine: a module Web Worker where the platform has one (the app, in
 * Electron and in the browser), otherwise parsing in-process. The worker starts on the first
 * job and stops when the view goes away.
 */
export function useImportWorker(provided?: ImportEngine): ImportEngine {
  const current = useRef<ImportEngine | null>(null)
  useEffect(
    () => () => {
      if (!provided) current.current?.dispose()
      current.current = null
    },
    [provided],
  )
  return useMemo<ImportEngine>(
    () =>
      provided ?? {
        run: (job, sources, onProgress) => (current.current ??= createDefaultEngine()).run(job, sources, onProgress),
        dispose: () => current.current?.dispose(),
      },
    [provided],
  )
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
