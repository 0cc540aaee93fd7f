import { useSyncExternalStore } from 'react'
import type { Analysis } from '../../shared/analysis/analyze'
import { currentAnalysis } from './analysis/analysisCache'
import { subscribeToAnalysis } from './analysis/analysisVersion'
import { useWorkspace } from './WorkspaceContext'

/**
 * The workspace's analysis, computed on the window's thread. Views over a large ledger read
 * what they show from the analysis worker instead (analysis/useOverviewModel.ts).
 */
export function useAnalysis(): Analysis {
  const workspace = useWorkspace()
  return useSyncExternalStore(
    (listener) => subscribeToAnalysis(workspace, listener),
    () => currentAnalysis(workspace),
  )
}
