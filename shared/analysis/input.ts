import { parseDecimal, ZERO, type Decimal } from '../money/decimal'
import type { Charge } from '../records/charge'
import type { EnvelopeMove, Portfolio, PortfolioChange } from '../records/portfolio'
import type { Recipe } from '../records/recipe'
import type { Run } from '../records/run'
import type { Settings } from '../records/settings'
import type { OutcomeInput } from './outcomes/linkOutcomes'

/** The fields of a Charge that the analysis reads (ChargeLine). */
export const CHARGE_LINE_KEYS = ['format', 'identity', 'provider', 'start', 'currency', 'costKind', 'cost', 'model', 'account', 'workspace', 'project', 'apiKey', 'costCenter', 'tags'] as const satisfies readonly (keyof Charge)[]

/**
 * What the analysis reads of a charge. A line may stand for several charges alike in all of
 * it (a batch's summary, see shared/batches/chargeSummary.ts): `rows` of them (absent: one),
 * `rowsWithAmount` of which have a chargeAmount that is not zero (absent: told by its own);
 * `cost` is their sum. A Charge is a line of one row.
 */
export type ChargeLine = Pick<Charge, (typeof CHARGE_LINE_KEYS)[number]> & {
  rows?: number
  rowsWithAmount?: number
}

/** The charges a line stands for. */
export function chargeRows(line: Pick<ChargeLine, 'rows'>): number {
  return line.rows ?? 1
}

/** The charges of a line whose chargeAmount is not zero (they count as contributing to spend). */
export function chargeRowsWithAmount(line: Pick<ChargeLine, 'rowsWithAmount' | 'cost' | 'costKind'>): number {
  return line.rowsWithAmount ?? (chargeAmount(line).units !== 0n ? 1 : 0)
}

/**
 * Everything the analysis reads, as plain data. Every analysis function is a pure function of
 * this, so rules apply retroactively: a new import or an edited rule only changes the input.
 * Its charges are Charges, or lines that stand for several (a report reads batch summaries).
 */
export interface AnalysisInput<C extends ChargeLine = Charge> {
  /** Today's definitions; a past period reads them through `portfolioChanges` (see definitionsInForce). */
  portfolios: readonly Portfolio[]
  portfolioChanges: readonly PortfolioChange[]
  runs: readonly Run[]
  charges: readonly C[]
  recipes: readonly Recipe[]
  envelopeMoves: readonly EnvelopeMove[]
  settings: Settings
  /** Run ids that carry an outcome note (text, value category or evidence). */
  annotatedRunIds: ReadonlySet<string>
  /** "Today" as an ISO date or instant: periods are measured and forecast up to this day. */
  asOf: string
  /** Imported outcomes and people's link corrections; absent where no outcome is read (previews, older callers). */
  outcomes?: OutcomeInput
}

/** The subset the rules engine needs (previews run on it while a rule is being edited). */
export type RuleInput<C extends ChargeLine = Charge> = Pick<AnalysisInput<C>, 'portfolios' | 'runs' | 'charges' | 'recipes'>

/** A charge's stable id: its format and natural key, the same pair the ledger dedupes on. */
export function chargeKey(charge: Pick<Charge, 'format' | 'identity'>): string {
  return `${charge.format}:${charge.identity}`
}

/** Providers are compared case-insensitively: logs say "anthropic", some exports "Anthropic". */
export function providerKey(provider: string): string {
  return provider.trim().toLowerCase()
}

/**
 * The money a charge line stands for. Lines marked included (in a plan or quota), not charged or
 * without cost keep their usage but cost nothing: a provider's list price for them is not spend.
 * They still count as billing for their provider and month (the provider said what it charged).
 */
export function chargeAmount(charge: Pick<Charge, 'cost' | 'costKind'>): Decimal {
  return costIsSpend(charge.costKind) ? parseDecimal(charge.cost) : ZERO
}

/** Whether the cost of a line of this kind is spend (see chargeAmount). */
export function costIsSpend(costKind: Charge['costKind']): boolean {
  return costKind !== 'included' && costKind !== 'not_charged' && costKind !== 'none'
}
