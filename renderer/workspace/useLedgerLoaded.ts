import { useEffect, useState } from 'react'
import type { Workspace } from './openLocalWorkspace'

type LedgerLoad = { loaded: boolean; error: string | null }

const settled = new WeakMap<Workspace, LedgerLoad>()

/** Whether the window's ledger holds everything stored yet (openLocalWorkspace loads it after the governance), or why it cannot. */
export function useLedgerLoaded(workspace: Workspace): LedgerLoad {
  const [load, setLoad] = useState<LedgerLoad>(() => (workspace.ledgerLoaded ? (settled.get(workspace) ?? { loaded: false, error: null }) : { loaded: true, error: null }))
  useEffect(() => {
    let current = true
    const settle = (result: LedgerLoad) => {
      settled.set(workspace, result)
      if (current) setLoad(result)
    }
    workspace.ledgerLoaded?.then(
      () => settle({ loaded: true, error: null }),
      (error: unknown) => settle({ loaded: false, error: (error as Error)?.message ?? String(error) }),
    )
    return () => {
      current = false
    }
  }, [workspace])
  return load
}
