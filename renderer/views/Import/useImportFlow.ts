import { useMemo, useSyncExternalStore } from 'react'
import type { Workspace } from '../../workspace/openLocalWorkspace'
import type { ImportEngine } from './importEngine'
import { importSessionFor, type ImportSession, type ImportState } from './importSession'
import { createDefaultEngine } from './defaultEngine'

export type { ImportItem, ImportNotice, ImportTask } from './importSession'
export { itemLabel } from './importSession'

export type ImportFlow = ImportState &
  Pick<ImportSession, 'add' | 'importCurrent' | 'importAll' | 'skipBadRows' | 'chooseFormat' | 'saveProfile' | 'cancel' | 'notify' | 'dismissNotice'>

/**
 * The Import view's view of the workspace's import session (see importSession.ts). `engine`
 * replaces the parsing engine (component tests run the parser in-process).
 */
export function useImportFlow(workspace: Workspace, engine?: ImportEngine): ImportFlow {
  const session = useMemo(() => {
    const found = importSessionFor(workspace, createDefaultEngine)
    if (engine) found.useEngine(engine)
    return found
  }, [workspace, engine])
  const state = useSyncExternalStore(session.subscribe, session.getState)
  return {
    ...state,
    add: session.add,
    importCurrent: session.importCurrent,
    importAll: session.importAll,
    skipBadRows: session.skipBadRows,
    chooseFormat: session.chooseFormat,
    saveProfile: session.saveProfile,
    cancel: session.cancel,
    notify: session.notify,
    dismissNotice: session.dismissNotice,
  }
}
