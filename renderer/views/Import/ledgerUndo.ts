import * as Y from 'yjs'
import type { Ledger } from '../../../shared/workspace/ledger'
import { LOCAL_EDIT } from '../../../shared/workspace/origins'

const managers = new WeakMap<Ledger, Y.UndoManager>()

/**
 * Undo for the ledger: only this person's batch removals (LOCAL_EDIT), never an import or a
 * teammate's change arriving by sync; a batch's payload parts come back with it. One per
 * ledger, so it outlives the view.
 */
export function ledgerUndoManager(ledger: Ledger): Y.UndoManager {
  let manager = managers.get(ledger)
  if (!manager) {
    manager = new Y.UndoManager([ledger.batches, ledger.payloadParts], { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 })
    managers.set(ledger, manager)
  }
  return manager
}
