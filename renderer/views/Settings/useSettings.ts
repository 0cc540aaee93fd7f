import { useCallback } from 'react'
import type { Settings } from '../../../shared/records/settings'
import { useObserved, useWorkspace } from '../../workspace/WorkspaceContext'

/** The shared workspace settings, live, and a setter that validates before writing. */
export function useSettings(): { settings: Settings; set: <K extends keyof Settings>(key: K, value: Settings[K]) => void } {
  const { governance } = useWorkspace()
  const settings = useObserved(
    useCallback((onChange) => governance.settings.observe(onChange), [governance]),
    () => governance.settings.read().settings,
    [governance],
  )
  const set = useCallback(<K extends keyof Settings>(key: K, value: Settings[K]) => governance.settings.set(key, value), [governance])
  return { settings, set }
}
