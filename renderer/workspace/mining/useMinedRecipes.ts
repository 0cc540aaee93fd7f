import { useEffect, useState } from 'react'
import type { MiningResult } from '../../../shared/mining'
import { mineWithRequest, type MiningRequest } from './miningRequest'
import type { AnalysisInput } from '../../../shared/analysis/input'

/** The runs to mine and what the candidates count of them (the Catalog's context fits, and a review's scope). */
export interface MiningScope {
  runs: AnalysisInput['runs']
  portfolioOf: (runId: string) => string | null
  isAnnotated: (runId: string) => boolean
}

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
    const request = miningRequest(context, minRuns)
    const worker = startWorker()
    if (!worker) {
      setMined(mineWithRequest(request))
      return
    }
    worker.addEventListener('message', (event: MessageEvent<MiningResult>) => setMined(event.data))
    // A worker that cannot start (a blocked script) must not leave the view mining forever.
    worker.addEventListener('error', () => setMined(mineWithRequest(request)))
    worker.postMessage(request)
    return () => worker.terminate()
  }, [context, minRuns])
  return mined
}

function miningRequest(context: MiningScope, minRuns: number): MiningRequest {
  const runs = context.runs.map(({ id, steps, costUSD, stepModels }) => ({ id, steps, costUSD, stepModels }))
  return {
    runs,
    minSupportRuns: minRuns,
    annotatedRunIds: runs.filter((run) => context.isAnnotated(run.id)).map((run) => run.id),
    portfolioOf: runs.flatMap((run) => {
      const portfolio = context.portfolioOf(run.id)
      return portfolio === null ? [] : [[run.id, portfolio] as [string, string]]
    }),
  }
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./miningWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-mining' })
  } catch {
    return null
  }
}
