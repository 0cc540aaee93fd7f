import { DEFINITION_FIELDS, type Portfolio, type PortfolioChange, type PortfolioDefinition } from '../records/portfolio'
import type { Governance } from './governance'
import { LOCAL_EDIT } from './origins'
import { sameJson } from '../batches/sameJson'

/** Who made a change, when, from which period it applies (null: retroactive), and why (a review's decision). */
export interface ChangeContext {
  by: string
  at: string
  effectiveFrom: string | null
  source?: PortfolioChange['source']
}

function changeId(portfolioId: string, at: string): string {
  return `${portfolioId}@${at}#${crypto.randomUUID().slice(0, 8)}`
}

/** The fields of `patch` that differ from `current`, before and after. */
export function definitionDiff(current: PortfolioDefinition, patch: Partial<PortfolioDefinition>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const field of DEFINITION_FIELDS) {
    if (!(field in patch) || sameJson(current[field], patch[field])) continue
    before[field] = current[field]
    after[field] = patch[field]
  }
  return { before, after }
}

/**
 * Changes a portfolio's definition and keeps the change in its history, in one transaction (one
 * undo step). Returns the change, or null when nothing differed. Non-definition fields in the
 * patch are written too, without history.
 */
export function changePortfolio(governance: Governance, portfolioId: string, patch: Partial<Portfolio>, context: ChangeContext, origin: unknown = LOCAL_EDIT): PortfolioChange | null {
  let change: PortfolioChange | null = null
  governance.doc.transact(() => {
    const current = governance.portfolios.get(portfolioId)
    if (!current) throw new Error(`no portfolio ${portfolioId}`)
    const { before, after } = definitionDiff(current, patch)
    if (Object.keys(after).length === 0) return
    governance.portfolios.update(portfolioId, { ...patch, updatedAt: context.at }, origin)
    change = { id: changeId(portfolioId, context.at), portfolioId, at: context.at, by: context.by, effectiveFrom: context.effectiveFrom, before, after, ...(context.source ? { source: context.source } : {}) }
    governance.portfolioChanges.put(change, origin)
  }, origin)
  return change
}

/** Creates a portfolio with its first history entry; from `effectiveFrom` on (null: it always existed). */
export function createPortfolio(governance: Governance, portfolio: Portfolio, context: ChangeContext, origin: unknown = LOCAL_EDIT): PortfolioChange {
  const after = Object.fromEntries(DEFINITION_FIELDS.map((field) => [field, portfolio[field]]))
  const change: PortfolioChange = {
    id: changeId(portfolio.id, context.at),
    portfolioId: portfolio.id,
    at: context.at,
    by: context.by,
    effectiveFrom: context.effectiveFrom,
    before: {},
    after,
    created: true,
    ...(context.source ? { source: context.source } : {}),
  }
  governance.doc.transact(() => {
    governance.portfolios.put(portfolio, origin)
    governance.portfolioChanges.put(change, origin)
  }, origin)
  return change
}

/** A portfolio's history, oldest first. */
export function portfolioHistory(changes: readonly PortfolioChange[], portfolioId: string): PortfolioChange[] {
  return changes.filter((change) => change.portfolioId === portfolioId).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}
