import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Bridge } from '../platform/bridge'
import type { Workspace } from './openLocalWorkspace'

interface AppContextValue {
  workspace: Workspace
  bridge: Bridge
}

const AppContext = createContext<AppContextValue | null>(null)

export function AppProvider({ workspace, bridge, children }: AppContextValue & { children: ReactNode }) {
  return <AppContext.Provider value={{ workspace, bridge }}>{children}</AppContext.Provider>
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext)
  if (!value) throw new Error('useWorkspace must be used inside <AppProvider>')
  return value
}

export function useWorkspace(): Workspace {
  return useAppContext().workspace
}

export function useBridge(): Bridge {
  return useAppContext().bridge
}

/**
 * A value read from a document, read again whenever the document reports a change.
 * `deps` are what `read` depends on besides the document (like a selected id).
 */
export function useObserved<T>(subscribe: (onChange: () => void) => () => void, read: () => T, deps: readonly unknown[]): T {
  const [value, setValue] = useState(read)
  useEffect(() => {
    setValue(read)
    return subscribe(() => setValue(read))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return value
}
