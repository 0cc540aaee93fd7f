import type { Run } from '../records/run'
import { parseDecimal, type Decimal } from '../money/decimal'
import { allocateCharges, chargeKeysInOrder, estimatedWeights, providerMonthKey, type AllocationExplanation, type Bucket } from './allocation'
import { dayOf, firstDayOfMonth, monthOf, type DayNumber } from './dates'
import { chargeAmount, chargeKey, chargeRowsWithAmount, type AnalysisInput, type ChargeLine } from './input'
import type { AssignmentResult } from './rules/assign'

/**
 * One amount of spend, dated to a UTC day, attributed to a portfolio (or Unassigned).
 *   billed:    a charge a charge rule assigned directly;
 *   allocated: a share of a charge without workflow dimension (see allocation.ts);
 *   estimated: the log-estimated cost of a run, counted only for provider-months with no billing
 *              imported, so billed and estimated spend are never added up for the same usage.
 */
export interface SpendEntry {
  portfolioId: Bucket
  day: DayNumber
  currency: string
  amount: Decimal
  basis: 'billed' | 'allocated' | 'estimated'
  /** The charge keys (billed, allocated) or the run id (estimated) the amount comes from. */
  sources: readonly string[]
  /**
   * How many charges each source counts for (countCharges): a billed line its charges with an
   * amount, whatever the entry's sum; an allocated share's lines all their charges, when the
   * share is not zero; a run none.
   */
  counts: readonly number[]
}

// Shared: a million billed charges count one or none each.
const NO_CHARGE = [0]
const ONE_CHARGE = [1]

export interface SpendLedger {
  entries: SpendEntry[]
  allocations: AllocationExplanation[]
}

/** A run's estimate for a month is dated on its start day, or on the 1st for months it ran into. */
function estimateDay(run: Run, month: string): DayNumber {
  return month === monthOf(run.start) ? dayOf(run.start) : firstDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))
}

/** `assignment`: assignRecords of the same input (its charges are read in the input's order). */
export function buildSpend(input: Pick<AnalysisInput<ChargeLine>, 'runs' | 'charges' | 'portfolios'>, assignment: AssignmentResult): SpendLedger {
  const entries: SpendEntry[] = []
  const unclaimed: ChargeLine[] = []
  const directlyBilled = new Map<string, Set<string>>()
  const billed = new Set<string>()
  const keysOf = chargeKeysInOrder()
  input.charges.forEach((charge, i) => {
    const { providerMonth } = keysOf(charge)
    billed.add(providerMonth)
    const portfolioId = assignment.chargeAssignments[i].portfolioId
    if (portfolioId === null) {
      unclaimed.push(charge)
      return
    }
    const withAmount = chargeRowsWithAmount(charge)
    entries.push({ portfolioId, day: dayOf(charge.start), currency: charge.currency, amount: chargeAmount(charge), basis: 'billed', sources: [chargeKey(charge)], counts: withAmount === 0 ? NO_CHARGE : withAmount === 1 ? ONE_CHARGE : [withAmount] })
    directlyBilled.set(providerMonth, (directlyBilled.get(providerMonth) ?? new Set()).add(portfolioId))
  })

  const bucketOfRun = (run: Run) => assignment.runs.get(run.id)?.portfolioId ?? null
  const names = new Map(input.portfolios.map((p) => [p.id, p.name]))
  const allocation = allocateCharges(unclaimed, estimatedWeights(input.runs, bucketOfRun), directlyBilled, names)
  for (const share of allocation.shares) {
    entries.push({ portfolioId: share.portfolioId, day: share.day, currency: share.currency, amount: share.amount, basis: 'allocated', sources: share.chargeKeys, counts: share.chargeRows })
  }

  for (const run of input.runs) {
    for (const [month, cost] of Object.entries(run.costByMonth)) {
      if (billed.has(providerMonthKey(run.provider, month))) continue
      entries.push({ portfolioId: bucketOfRun(run), day: estimateDay(run, month), currency: 'USD', amount: parseDecimal(cost), basis: 'estimated', sources: [run.id], counts: NO_CHARGE })
    }
  }
  return { entries, allocations: allocation.explanations }
}
