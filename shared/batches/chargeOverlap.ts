import { decimalText, parseDecimal } from '../money/decimal'
import type { Charge } from '../records/charge'
import { ChargeIdentitySet } from './identities'

/** How the rows of a file about to be imported meet the charges the workspace holds. */
export interface ChargeOverlap {
  rows: number
  /** The same billing row (same format and identity): importing adds nothing for these. */
  alreadyHeld: number
  /**
   * Rows of another format with the same time, amount and currency: most likely the same export
   * read through a column mapping (renamed header), which would be counted twice.
   */
  sameFigures: number
  /** The batches holding those look-alikes. */
  sameFiguresBatchIds: string[]
}

/** Compares a file's rows (its preview or all of it) with the stored charges, before anything is added. */
export function chargeOverlap(rows: readonly Charge[], stored: readonly (Charge & { batchId: string })[]): ChargeOverlap {
  const held = new ChargeIdentitySet()
  for (const charge of stored) held.add(charge.format, charge.identity)
  const byFigures = new Map<string, (Charge & { batchId: string })[]>()
  for (const charge of stored) {
    const key = figures(charge)
    const list = byFigures.get(key)
    if (list) list.push(charge)
    else byFigures.set(key, [charge])
  }
  let alreadyHeld = 0
  let sameFigures = 0
  const batchIds = new Set<string>()
  for (const row of rows) {
    if (held.has(row.format, row.identity)) {
      alreadyHeld++
      continue
    }
    const twins = (byFigures.get(figures(row)) ?? []).filter((charge) => charge.format !== row.format)
    if (twins.length === 0) continue
    sameFigures++
    for (const twin of twins) batchIds.add(twin.batchId)
  }
  return { rows: rows.length, alreadyHeld, sameFigures, sameFiguresBatchIds: [...batchIds].sort() }
}

/** Time, amount and currency: what a renamed header cannot change. "12.50" and "12.5" are the same amount. */
function figures(charge: Charge): string {
  return `${charge.start}\u0000${decimalText(parseDecimal(charge.cost))}\u0000${charge.currency}`
}
