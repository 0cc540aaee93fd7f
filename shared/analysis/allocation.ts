import type { Run } from '../records/run'
import { addDecimal, compareDecimal, divideDecimal, formatDecimal, multiplyDecimal, parseDecimal, subtractDecimal, ZERO, type Decimal } from '../money/decimal'
import { formatMoney } from '../money/format'
import { dayOf, monthOf, type DayNumber } from './dates'
import { chargeAmount, chargeKey, chargeRows, providerKey, type ChargeLine } from './input'
import { groupBy } from './groupBy'
import { noun, plural } from '../text/plural'

/** A portfolio id, or null for Unassigned. */
export type Bucket = string | null

/**
 * A charge's provider-month key and that key with its currency (the group it is allocated in),
 * made anew only when provider, month or currency differ from the previous charge's: a batch's
 * charges come in date order, so a million charges make a few hundred keys, not two million strings.
 */
export function chargeKeysInOrder(): (charge: Pick<ChargeLine, 'provider' | 'start' | 'currency'>) => { providerMonth: string; withCurrency: string } {
  let provider: string | null = null
  let month = ''
  let currency = ''
  let keys = { providerMonth: '', withCurrency: '' }
  return (charge) => {
    if (charge.provider !== provider || charge.currency !== currency || !charge.start.startsWith(month)) {
      provider = charge.provider
      currency = charge.currency
      month = monthOf(charge.start)
      const providerMonth = providerMonthKey(provider, month)
      keys = { providerMonth, withCurrency: `${providerMonth}\u0000${currency}` }
    }
    return keys
  }
}

/** Estimated USD per bucket: the weights charges are split by. */
export type Weights = Map<Bucket, Decimal>

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

/** One bucket's share of one day's charges of a provider, in one currency. */
export interface AllocatedShare {
  portfolioId: Bucket
  day: DayNumber
  currency: string
  amount: Decimal
  chargeKeys: readonly string[]
  /** The charges each of chargeKeys stands for. */
  chargeRows: readonly number[]
}

/** `${provider}\u0000${month}`: the unit charges are allocated in. */
export function providerMonthKey(provider: string, month: string): string {
  return `${providerKey(provider)}\u0000${month}`
}

/** Estimated USD per bucket of the runs of each provider and month, in one pass over the runs. */
export function estimatedWeights(runs: readonly Run[], bucketOf: (run: Run) => Bucket): Map<string, Weights> {
  const byProviderMonth = new Map<string, Weights>()
  for (const run of runs) {
    const bucket = bucketOf(run)
    for (const [month, cost] of Object.entries(run.costByMonth)) {
      const key = providerMonthKey(run.provider, month)
      const weights = byProviderMonth.get(key) ?? new Map<Bucket, Decimal>()
      byProviderMonth.set(key, weights)
      weights.set(bucket, addDecimal(weights.get(bucket) ?? ZERO, parseDecimal(cost)))
    }
  }
  return byProviderMonth
}

/**
 * Splits amounts in proportion to fixed weights, exactly: each share is rounded half-even to the
 * amount's precision (at least cents), and the rounding remainder goes to the bucket with the
 * largest weight (the first in bucket order on a tie), so the shares always sum to the amount.
 */
export class ProportionalSplitter {
  /** Portfolios by id, Unassigned last; zero weights left out. */
  readonly buckets: Bucket[]
  private readonly total: Decimal
  private readonly largest: number

  constructor(private readonly weights: Weights) {
    this.buckets = [...weights.keys()]
      .filter((bucket) => weights.get(bucket)!.units !== 0n)
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    this.total = this.buckets.reduce((sum, b) => addDecimal(sum, weights.get(b)!), ZERO)
    let largest = 0
    this.buckets.forEach((bucket, i) => {
      if (compareDecimal(weights.get(bucket)!, weights.get(this.buckets[largest])!) > 0) largest = i
    })
    this.largest = largest
  }

  /** With nothing to weigh by, the whole amount stays Unassigned. */
  split(amount: Decimal): { shares: { portfolioId: Bucket; amount: Decimal }[]; remainder: Decimal; remainderBucket: Bucket } {
    if (this.buckets.length === 0) return { shares: [{ portfolioId: null, amount }], remainder: ZERO, remainderBucket: null }
    const scale = Math.max(amount.scale, 2)
    const shares = this.buckets.map((bucket) => ({ portfolioId: bucket, amount: divideDecimal(multiplyDecimal(amount, this.weights.get(bucket)!), this.total, scale) }))
    const remainder = subtractDecimal(amount, shares.reduce((sum, s) => addDecimal(sum, s.amount), ZERO))
    shares[this.largest] = { ...shares[this.largest], amount: addDecimal(shares[this.largest].amount, remainder) }
    return { shares, remainder, remainderBucket: this.buckets[this.largest] }
  }
}

function describeBucket(bucket: Bucket, names: ReadonlyMap<string, string>): string {
  return bucket === null ? 'Unassigned' : `"${names.get(bucket) ?? bucket}"`
}

/**
 * Allocates charges that no charge rule claimed (most invoices have no workflow dimension) per
 * provider and month, in proportion to the log-estimated cost of each portfolio's runs there.
 * Each day's charges are split together, so spend keeps its dates for burn-up and forecasts.
 * Runs no rule claimed weigh for Unassigned; with no runs logged at all the charges stay Unassigned.
 * Portfolios billed directly by a charge rule in that provider-month are left out: their runs are paid for.
 */
export function allocateCharges(
  charges: readonly ChargeLine[],
  weightsByProviderMonth: ReadonlyMap<string, Weights>,
  directlyBilled: ReadonlyMap<string, ReadonlySet<string>>,
  portfolioNames: ReadonlyMap<string, string>,
): { shares: AllocatedShare[]; explanations: AllocationExplanation[] } {
  const keysOf = chargeKeysInOrder()
  const groups = groupBy(charges, (c) => keysOf(c).withCurrency)
  const shares: AllocatedShare[] = []
  const explanations: AllocationExplanation[] = []
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!
    const [provider, month, currency] = key.split('\u0000')
    const excluded = directlyBilled.get(providerMonthKey(provider, month)) ?? new Set<string>()
    const weights: Weights = new Map([...(weightsByProviderMonth.get(providerMonthKey(provider, month)) ?? [])].filter(([bucket]) => bucket === null || !excluded.has(bucket)))
    const splitter = new ProportionalSplitter(weights)
    const totals = new Map<Bucket, Decimal>()
    const tookRemainder = new Set<Bucket>()
    let total = ZERO
    let charges = 0
    for (const [day, dayCharges] of groupBy(group, (c) => dayOf(c.start))) {
      const amount = dayCharges.reduce((sum, c) => addDecimal(sum, chargeAmount(c)), ZERO)
      const chargeKeys = dayCharges.map(chargeKey)
      const rows = dayCharges.map(chargeRows)
      charges += rows.reduce((sum, n) => sum + n, 0)
      const split = splitter.split(amount)
      if (split.remainder.units !== 0n) tookRemainder.add(split.remainderBucket)
      total = addDecimal(total, amount)
      for (const share of split.shares) {
        shares.push({ portfolioId: share.portfolioId, day, currency, amount: share.amount, chargeKeys, chargeRows: rows })
        totals.set(share.portfolioId, addDecimal(totals.get(share.portfolioId) ?? ZERO, share.amount))
      }
    }
    const method = splitter.buckets.length === 0 ? 'no-runs-logged' : 'proportional-to-estimated-runs'
    const explanationShares = [...totals.keys()]
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map((bucket) => ({
        portfolioId: bucket,
        estimatedUSD: formatDecimal(weights.get(bucket) ?? ZERO),
        amount: formatDecimal(totals.get(bucket)!),
        tookRemainder: tookRemainder.has(bucket),
      }))
    const excludedNote = excluded.size ? ` ${[...excluded].sort().map((id) => describeBucket(id, portfolioNames)).join(', ')} left out: billed directly by a charge rule this month.` : ''
    const chargesOfMonth = `${plural(charges, `${provider} charge`)} of ${month}`
    const have = noun(charges, 'has', 'have')
    const text = method === 'no-runs-logged'
      ? `${chargesOfMonth} (${formatMoney(formatDecimal(total), currency)}) ${have} no workflow dimension and no logged runs to weigh them: kept Unassigned.${excludedNote}`
      : `${chargesOfMonth} (${formatMoney(formatDecimal(total), currency)}) ${have} no workflow dimension: split in proportion to the log-estimated cost of each portfolio's ${provider} runs that month (${explanationShares.map((s) => `${describeBucket(s.portfolioId, portfolioNames)} ${formatMoney(s.estimatedUSD, 'USD')} → ${formatMoney(s.amount, currency)}`).join('; ')}). Each day's charges are split together; rounding remainders go to the largest share.${excludedNote}`
    explanations.push({ provider, month, currency, charges, total: formatDecimal(total), method, excludedPortfolios: [...excluded].sort(), shares: explanationShares, text })
  }
  return { shares, explanations }
}
