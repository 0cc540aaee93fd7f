import { formatDecimal, normalizeDecimal, parseDecimal } from '../money/decimal'

/** Exact decimal strings (USD). */
export interface CostSummary {
  median: string
  p90: string
  total: string
}

/**
 * The costs of a fixed list of runs as integers of one common scale, ranked once, so the
 * cost summary of any subset (a pattern's runs) is an integer sort plus an exact sum.
 * Doubles hold the integers while every sum of them stays below 2^53 (run costs always do in
 * practice, and doubles are much faster than bigints); bigints take over otherwise.
 */
export class RunCosts {
  private readonly scale: number
  /** Exact when `bigUnits` is null; otherwise close enough for shares. */
  private readonly units: Float64Array
  private readonly bigUnits: bigint[] | null
  private readonly total: number
  /** run index → position in ascending cost order (ties by run index). */
  private readonly rank: Int32Array
  private readonly byRank: Int32Array

  constructor(costs: readonly string[]) {
    this.scale = costs.reduce((max, cost) => Math.max(max, fractionDigits(cost)), 0)
    const exact = exactUnits(costs, this.scale)
    this.bigUnits = exact ? null : costs.map((cost) => rescale(cost, this.scale))
    this.units = exact ?? Float64Array.from(this.bigUnits!, Number)
    this.total = this.units.reduce((sum, units) => sum + units, 0)
    const { units, bigUnits } = this
    const byCost = bigUnits
      ? (a: number, b: number) => (bigUnits[a] < bigUnits[b] ? -1 : bigUnits[a] > bigUnits[b] ? 1 : a - b)
      : (a: number, b: number) => units[a] - units[b] || a - b
    this.byRank = Int32Array.from(costs.keys()).sort(byCost)
    this.rank = new Int32Array(costs.length)
    this.byRank.forEach((run, rank) => (this.rank[run] = rank))
  }

  /** Median (mean of the two middle runs when even), p90 (nearest rank) and total of the given runs. */
  summarize(runs: ArrayLike<number>): CostSummary {
    if (runs.length === 0) return { median: '0', p90: '0', total: '0' }
    const ranks = new Int32Array(runs.length)
    for (let i = 0; i < runs.length; i++) ranks[i] = this.rank[runs[i]]
    ranks.sort()
    const at = (i: number) => this.exactUnits(this.byRank[ranks[i]])
    const n = ranks.length
    const middle = n % 2 === 1 ? at((n - 1) / 2) * 10n : ((at(n / 2 - 1) + at(n / 2)) * 10n) / 2n
    return {
      median: this.format(middle, this.scale + 1),
      p90: this.format(at(Math.ceil(0.9 * n) - 1), this.scale),
      total: this.format(this.exactSum(runs), this.scale),
    }
  }

  /** Share of the total cost carried by the given runs, for ranking. */
  share(runs: ArrayLike<number>): number {
    return this.total > 0 ? this.sum(runs) / this.total : 0
  }

  private exactUnits(run: number): bigint {
    return this.bigUnits ? this.bigUnits[run] : BigInt(this.units[run])
  }

  private exactSum(runs: ArrayLike<number>): bigint {
    if (!this.bigUnits) return BigInt(this.sum(runs))
    let sum = 0n
    for (let i = 0; i < runs.length; i++) sum += this.bigUnits[runs[i]]
    return sum
  }

  private sum(runs: ArrayLike<number>): number {
    let sum = 0
    for (let i = 0; i < runs.length; i++) sum += this.units[runs[i]]
    return sum
  }

  private format(units: bigint, scale: number): string {
    return formatDecimal(normalizeDecimal({ units, scale }))
  }
}

const PLAIN_DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/

function fractionDigits(cost: string): number {
  const dot = cost.indexOf('.')
  return dot < 0 ? 0 : cost.length - dot - 1
}

/** The costs as integers of `scale` fractional digits in doubles, or null when some sum could lose a digit. */
function exactUnits(costs: readonly string[], scale: number): Float64Array | null {
  const units = new Float64Array(costs.length)
  let magnitude = 0
  for (let i = 0; i < costs.length; i++) {
    const match = PLAIN_DECIMAL.exec(costs[i])
    if (!match || (match[2] === '' && !match[3])) return null
    const digits = (match[2] + (match[3] ?? '').padEnd(scale, '0')).replace(/^0+(?=\d)/, '')
    if (digits.length > 15) return null
    units[i] = match[1] === '-' ? -Number(digits) : Number(digits)
    magnitude += Math.abs(units[i])
  }
  return magnitude <= Number.MAX_SAFE_INTEGER ? units : null
}

function rescale(cost: string, scale: number): bigint {
  const decimal = parseDecimal(cost)
  return decimal.units * 10n ** BigInt(scale - decimal.scale)
}
