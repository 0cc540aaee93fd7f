import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import * as Y from 'yjs'
import { Governance } from '../../shared/workspace/governance'
import { Ledger } from '../../shared/workspace/ledger'
import { LOCAL_EDIT } from '../../shared/workspace/origins'
import type { Bridge } from '../platform/bridge'
import { GOVERNANCE_SCOPE, type Workspace } from '../workspace/openLocalWorkspace'
import { AppProvider } from '../workspace/WorkspaceContext'

/** An in-memory workspace, as a view sees it, without IndexedDB or a network. */
export function createMemoryWorkspace(id = 'test'): Workspace {
  const governanceDoc = new Y.Doc()
  const governance = new Governance(governanceDoc)
  governance.migrate()
  const undoManager = new Y.UndoManager(
    GOVERNANCE_SCOPE.map((name) => governanceDoc.getMap(name)),
    { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 },
  )
  return { id, governance, ledger: new Ledger(new Y.Doc()), undoManager, destroy: async () => undefined }
}

export function createFakeBridge(overrides: Partial<Bridge> = {}): Bridge {
  return {
    shell: 'browser',
    openFiles: async () => [],
    saveFile: async () => ({ saved: true }),
    appInfo: async () => ({ name: 'Workfolio', version: 'test', platform: 'test', shell: 'browser' }),
    onMenuCommand: () => () => undefined,
    ...overrides,
  }
}

export function renderWithWorkspace(ui: ReactElement, workspace = createMemoryWorkspace(), bridge = createFakeBridge()) {
  const wrap = (element: ReactElement) => <AppProvider workspace={workspace} bridge={bridge}>{element}</AppProvider>
  const result = render(wrap(ui))
  return { workspace, bridge, ...result, rerender: (element: ReactElement) => result.rerender(wrap(element)) }
}
