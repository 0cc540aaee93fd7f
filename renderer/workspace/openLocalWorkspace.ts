import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { Governance } from '../../shared/workspace/governance'
import { Ledger } from '../../shared/workspace/ledger'
import { LOCAL_EDIT } from '../../shared/workspace/origins'

/** The IndexedDB databases (y-indexeddb's) that keep a workspace's two documents on this device. */
export interface WorkspaceStorage {
  governance: string
  ledger: string
}

export interface Workspace {
  id: string
  governance: Governance
  ledger: Ledger
  /** Where the documents are kept; none for a workspace held in memory only. */
  storage?: WorkspaceStorage
  /** Undo and redo of this person's own edits only (never a teammate's, never a sync). */
  undoManager: Y.UndoManager
  destroy(): Promise<void>
}

export const GOVERNANCE_SCOPE = ['portfolios', 'portfolioChanges', 'annotations', 'recipes', 'reviews', 'settings', 'importProfiles', 'envelopeMoves']

/**
 * Opens a workspace from this device's IndexedDB (local-first: it works offline), then
 * migrates the governance document once its stored state has loaded.
 */
export async function openLocalWorkspace(id: string): Promise<Workspace> {
  const governanceDoc = new Y.Doc()
  const ledgerDoc = new Y.Doc()
  const storage: WorkspaceStorage = { governance: id, ledger: `${id}/ledger` }
  const persistence = [new IndexeddbPersistence(storage.governance, governanceDoc), new IndexeddbPersistence(storage.ledger, ledgerDoc)]
  // y-indexeddb listens to a document's updates from the start, so Yjs would encode the whole
  // stored state as one update while it is loaded (100 MB in one window task for a million
  // charges) for a listener that ignores what it loads: it listens once the document is loaded.
  for (const p of persistence) p.doc.off('update', p._storeUpdate)
  await Promise.all(persistence.map((p) => p.whenSynced))
  for (const p of persistence) p.doc.on('update', p._storeUpdate)
  const governance = new Governance(governanceDoc)
  governance.migrate()
  governance.ensurePseudonymSalt()
  const ledger = new Ledger(ledgerDoc)
  const undoManager = new Y.UndoManager(
    GOVERNANCE_SCOPE.map((name) => governanceDoc.getMap(name)),
    { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 400 },
  )
  return {
    id,
    governance,
    ledger,
    storage,
    undoManager,
    async destroy() {
      undoManager.destroy()
      await Promise.all(persistence.map((p) => p.destroy()))
      governanceDoc.destroy()
      ledgerDoc.destroy()
    },
  }
}
