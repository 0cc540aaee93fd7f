import type * as Y from 'yjs'
import { parsePortfolioCode, planPortfolioImport, type PortfolioCodeError, type PortfolioImportPlan } from '../../../shared/portfolios/portfolioCode'
import type { Governance } from '../../../shared/workspace/governance'
import { LOCAL_EDIT } from '../../../shared/workspace/origins'

export type CodeImportResult = { ok: true; plan: PortfolioImportPlan } | { ok: false; errors: PortfolioCodeError[] }

/**
 * Imports portfolio definitions: validates the whole file first (nothing is written when any
 * entry is invalid), then merges by id — adds new portfolios, updates changed ones, deletes
 * nothing — in one transaction, so a single undo takes the whole import back.
 */
export function importPortfolioCode(text: string, governance: Governance, undoManager: Y.UndoManager, now = new Date().toISOString()): CodeImportResult {
  const parsed = parsePortfolioCode(text)
  if (!parsed.ok) return parsed
  const plan = planPortfolioImport(governance.portfolios.list().records, parsed.portfolios, now)
  if (plan.put.length > 0) {
    undoManager.stopCapturing()
    governance.doc.transact(() => {
      for (const portfolio of plan.put) governance.portfolios.put(portfolio)
    }, LOCAL_EDIT)
    undoManager.stopCapturing()
  }
  return { ok: true, plan }
}
