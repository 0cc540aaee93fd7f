import { useEffect, useState } from 'react'
import type { MiningResult } from '../../../shared/mining'
import { MiningRequestPacker, mineWithRequest, packMiningRequest, type MiningScope } from './miningRequest'

/** Runs packed for the worker in one task of the window’s thread: a few milliseconds each. */
const PACK_SLICE = 10_000

/**
 * Mines the runs in a module Web Worker (in-process where the platform has none, as in unit
 * tests), so the window never stalls on a large workspace. null while mining, or before
 * `minRuns` is set (mining starts on request).
 */
export function useMinedRecipes(context: MiningScope, minRuns: number | null): MiningResult | null {
  const [mined, setMined] = useState<MiningResult | null>(null)
  useEffect(() => {
    setMined(null)
    if (minRuns === null) return
    const worker = startWorker()
    if (!worker) {
      setMined(mineWithRequest(packMiningRequest(context, minRuns).request))
      return
    }
    worker.addEventListener('message', (event: MessageEvent<MiningResult>) => setMined(event.data))
    // A worker that cannot start (a blocked script) must not leave the view mining forever;
    // the request's buffers went to the worker, so it is packed again.
    worker.addEventListener('error', () => setMined(mineWithRequest(packMiningRequest(context, minRuns).request)))
    // Packed a slice at a time, each its own task, so the window stays responsive.
    const packer = new MiningRequestPacker(context, minRuns)
    let timer: ReturnType<typeof setTimeout> | undefined
    const packSlice = () => {
      if (!packer.pack(PACK_SLICE)) {
        timer = setTimeout(packSlice, 0)
        return
      }
      const { request, transfer } = packer.finish()
      worker.postMessage(request, transfer)
    }
    packSlice()
    return () => {
      clearTimeout(timer)
      worker.terminate()
    }
  }, [context, minRuns])
  return mined
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./miningWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-mining' })
  } catch {
    return null
  }
}
