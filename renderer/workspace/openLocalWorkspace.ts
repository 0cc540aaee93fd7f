import * as Y from 'yjs'
import { Governance } from '../../shared/workspace/governance'
import { type DocumentStore, Ledger } from '../../shared/workspace/ledger'
import { LOCAL_EDIT } from '../../shared/workspace/origins'
import { StoredDoc } from './storedDoc'

/** The IndexedDB databases (in y-indexeddb's layout, storedDoc.ts) that keep a workspace's two documents on this device. */
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
  /** The ledger's store, which takes a payload part's update as made (Ledger.addInParts); none for a workspace in memory. */
  ledgerStore?: DocumentStore
  /**
   * Resolves once the ledger holds everything stored on this device; absent when it always has
   * (a workspace in memory). Until then only what the analysis worker answers may be drawn:
   * the window's ledger is partial.
   */
  ledgerLoaded?: Promise<void>
  /** Which state each document's store holds now (storedStateOf), for a kept analysis; absent for a workspace in memory. */
  storedStates?(): Promise<{ governance: string | null; ledger: string | null }>
  /** Undo and redo of this person's own edits only (never a teammate's, never a sync). */
  undoManager: Y.UndoManager
  /** Waits for every edit to be stored, then closes the documents. */
  destroy(): Promise<void>
}

export const GOVERNANCE_SCOPE = ['portfolios', 'portfolioChanges', 'annotations', 'recipes', 'reviews', 'settings', 'importProfiles', 'envelopeMoves']

/**
 * Opens a workspace from this device's IndexedDB (local-first: it works offline): the
 * governance document is loaded and migrated before this resolves, the ledger (up to a few
 * hundred megabytes) loads after, a few megabytes per task (`ledgerLoaded`), so a view drawn
 * from the analysis worker's answer (the Overview) need not wait for it; it starts once
 * `loadLedgerAfter` has resolved (at once without it).
 */
export async function openLocalWorkspace(id: string, loadLedgerAfter: Promise<unknown> = Promise.resolve()): Promise<Workspace> {
  const governanceDoc = new Y.Doc()
  const ledgerDoc = new Y.Doc()
  const storage: WorkspaceStorage = { governance: id, ledger: `${id}/ledger` }
  const stored = await Promise.all([StoredDoc.open(storage.governance, governanceDoc), StoredDoc.open(storage.ledger, ledgerDoc)])
  await stored[0].load()
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
    ledgerStore: stored[1],
    ledgerLoaded: loadLedgerAfter.then(() => stored[1].load()),
    storedStates: async () => {
      const [governance, ledger] = await Promise.all(stored.map((doc) => doc.storedState()))
      return { governance, ledger }
    },
    undoManager,
    async destroy() {
      undoManager.destroy()
      await Promise.all(stored.map((doc) => doc.destroy()))
      governanceDoc.destroy()
      ledgerDoc.destroy()
    },
  }
}
