import { useCallback } from 'react'
import type { Analysis } from '../../../shared/analysis/analyze'
import { currentAnalysis } from '../../workspace/useAnalysis'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'

/**
 * The shared analysis, re-read only when something that decides a run's row changes: the
 * ledger (imports), portfolios and their rules, recipes. Typing an outcome note (ours or a
 * teammate's) does not re-analyse 100,000 runs on every keystroke.
 */
export function useRunsAnalysis(): Analysis {
  const workspace = useWorkspace()
  const { governance, ledger } = workspace
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = [ledger.observe(onChange), governance.portfolios.observe(onChange), governance.recipes.observe(onChange), governance.settings.observe(onChange)]
      return () => stops.forEach((stop) => stop())
    },
    [governance, ledger],
  )
  return useObserved(subscribe, () => currentAnalysis(workspace), [subscribe, workspace])
}
