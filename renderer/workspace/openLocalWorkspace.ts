import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { Governance } from '../../shared/workspace/governance'
import { Ledger } from '../../shared/workspace/ledger'
import { LOCAL_EDIT } from '../../shared/workspace/origins'

export interface Workspace {
  id: string
  governance: Governance
  ledger: Ledger
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
  const persistence = [new IndexeddbPersistence(id, governanceDoc), new IndexeddbPersistence(`${id}/ledger`, ledgerDoc)]
  await Promise.all(persistence.map((p) => p.whenSynced))
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
    undoManager,
    async destroy() {
      undoManager.destroy()
      await Promise.all(persistence.map((p) => p.destroy()))
      governanceDoc.destroy()
      ledgerDoc.destroy()
    },
  }
}
