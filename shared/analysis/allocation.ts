import type { Charge } from '../records/charge'
import type { Run } from '../records/run'
import { addDecimal, compareDecimal, divideDecimal, formatDecimal, multiplyDecimal, parseDecimal, subtractDecimal, ZERO, type Decimal } from '../money/decimal'
import { monthOf } from './dates'
import { providerKey } from './input'

/** A portfolio id, or null for Unassigned. */
export type Bucket = string | null

export interface AllocationShare {
  portfolioId: Bucket
  /** The weight: log-estimated USD of this bucket's runs of the provider in the month. */
  estimatedUSD: string
  amount: string
  /** This bucket absorbed a rounding remainder, so the shares add up to the billed total exactly. */
  tookRemainder: boolean
}

/** How the charges of one provider, month and currency without a workflow dimension were split. */
export interface AllocationExplanation {
  provider: string
  month: string
  currency: string
  charges: number
  total: string
  method: 'proportional-to-estimated-runs' | 'no-runs-logged'
  /** Portfolios billed directly by a charge rule this month: their runs are already paid for. */
  excludedPortfolios: string[]
  shares: AllocationShare[]
  text: string
}

/** One charge's share for one bucket. */
export interface ChargeShare {
  charge: Charge
  portfolioId: Bucket
  amount: Decimal
}

type Weights = Map<Bucket, Decimal>

/** Buckets in a fixed order: portfolios by id, Unassigned last. */
function orderedBuckets(weights: Weights): Bucket[] {
  return [...weights.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
}

/** Estimated USD per bucket of the runs of one provider in one month. */
export function runWeights(runs: readonly Run[], bucketOf: (run: Run) => Bucket, provider: string, month: string, excluded: ReadonlySet<string>): Weights {
  const weights: Weights = new Map()
  for (const run of runs) {
    if (providerKey(run.provider) !== providerKey(provider)) continue
    const cost = run.costByMonth[month]
    if (cost === undefined) continue
    const bucket = bucketOf(run)
    if (bucket !== null && excluded.has(bucket)) continue
    weights.set(bucket, addDecimal(weights.get(bucket) ?? ZERO, parseDecimal(cost)))
  }
  for (const [bucket, weight] of weights) if (weight.units === 0n) weights.delete(bucket)
  return weights
}

/**
 * Splits one charge in proportion to the weights, exactly: each share is rounded half-even to
 * the charge's precision (at least cents), and the rounding remainder goes to the bucket with
 * the largest weight (the first in bucket order on a tie), so the shares sum to the charge.
 */
export function splitCharge(charge: Charge, weights: Weights): { shares: ChargeShare[]; remainder: Decimal; remainderBucket: Bucket } {
  const cost = parseDecimal(charge.cost)
  const buckets = orderedBuckets(weights)
  if (buckets.length === 0) return { shares: [{ charge, portfolioId: null, amount: cost }], remainder: ZERO, remainderBucket: null }
  const total = buckets.reduce((sum, b) => addDecimal(sum, weights.get(b)!), ZERO)
  const scale = Math.max(cost.scale, 2)
  const shares = buckets.map((bucket) => ({ charge, portfolioId: bucket, amount: divideDecimal(multiplyDecimal(cost, weights.get(bucket)!), total, scale) }))
  const remainder = subtractDecimal(cost, shares.reduce((sum, s) => addDecimal(sum, s.amount), ZERO))
  let largest = 0
  buckets.forEach((bucket, i) => {
    if (compareDecimal(weights.get(bucket)!, weights.get(buckets[largest])!) > 0) largest = i
  })
  shares[largest] = { ...shares[largest], amount: addDecimal(shares[largest].amount, remainder) }
  return { shares, remainder, remainderBucket: buckets[largest] }
}

function describeBucket(bucket: Bucket, names: ReadonlyMap<string, string>): string {
  return bucket === null ? 'Unassigned' : `"${names.get(bucket) ?? bucket}"`
}

/**
 * Allocates charges that no charge rule claimed (most invoices have no workflow dimension) per
 * provider and month, in proportion to the log-estimated cost of each portfolio's runs there.
 * Runs no rule claimed weigh for Unassigned; with no runs logged at all the charge stays Unassigned.
 */
export function allocateCharges(
  charges: readonly Charge[],
  runs: readonly Run[],
  bucketOfRun: (run: Run) => Bucket,
  directlyBilled: ReadonlyMap<string, ReadonlySet<string>>,
  portfolioNames: ReadonlyMap<string, string>,
): { shares: ChargeShare[]; explanations: AllocationExplanation[] } {
  const groups = new Map<string, Charge[]>()
  for (const charge of charges) {
    const key = [providerKey(charge.provider), monthOf(charge.start), charge.currency].join('\u0000')
    const group = groups.get(key)
    if (group) group.push(charge)
    else groups.set(key, [charge])
  }
  const shares: ChargeShare[] = []
  const explanations: AllocationExplanation[] = []
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!
    const [provider, month, currency] = key.split('\u0000')
    const excluded = directlyBilled.get(`${provider}\u0000${month}`) ?? new Set<string>()
    const weights = runWeights(runs, bucketOfRun, provider, month, excluded)
    const totals = new Map<Bucket, Decimal>()
    const tookRemainder = new Set<Bucket>()
    let total = ZERO
    for (const charge of group) {
      const split = splitCharge(charge, weights)
      if (split.remainder.units !== 0n) tookRemainder.add(split.remainderBucket)
      total = addDecimal(total, parseDecimal(charge.cost))
      for (const share of split.shares) {
        shares.push(share)
        totals.set(share.portfolioId, addDecimal(totals.get(share.portfolioId) ?? ZERO, share.amount))
      }
    }
    const method = weights.size === 0 ? 'no-runs-logged' : 'proportional-to-estimated-runs'
    const explanationShares = orderedBuckets(totals).map((bucket) => ({
      portfolioId: bucket,
      estimatedUSD: formatDecimal(weights.get(bucket) ?? ZERO),
      amount: formatDecimal(totals.get(bucket)!),
      tookRemainder: tookRemainder.has(bucket),
    }))
    const excludedNote = excluded.size ? ` ${[...excluded].sort().map((id) => describeBucket(id, portfolioNames)).join(', ')} left out: billed directly by a charge rule this month.` : ''
    const text = method === 'no-runs-logged'
      ? `${group.length} ${provider} charge(s) of ${month} (${formatDecimal(total)} ${currency}) have no workflow dimension and no logged runs to weigh them: kept Unassigned.${excludedNote}`
      : `${group.length} ${provider} charge(s) of ${month} (${formatDecimal(total)} ${currency}) have no workflow dimension: split in proportion to the log-estimated cost of each portfolio's ${provider} runs that month (${explanationShares.map((s) => `${describeBucket(s.portfolioId, portfolioNames)} ${s.estimatedUSD} USD → ${s.amount} ${currency}`).join('; ')}). Rounding remainders go to the largest share.${excludedNote}`
    explanations.push({ provider, month, currency, charges: group.length, total: formatDecimal(total), method, excludedPortfolios: [...excluded].sort(), shares: explanationShares, text })
  }
  return { shares, explanations }
}
