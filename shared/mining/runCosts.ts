import { formatDecimal, normalizeDecimal, parseDecimal } from '../money/decimal'

/** Exact decimal strings (USD). */
export interface CostSummary {
  median: string
  p90: string
  total: string
}

/**
 * The costs of a fixed list of runs, brought once to a common scale as bigints and ranked, so
 * the cost summary of any subset (a pattern's runs) is an integer sort plus exact sums.
 */
export class RunCosts {
  private readonly units: bigint[]
  /** The same units as doubles: for shares, and for exact sums when every sum stays below 2^53 (much faster than bigints). */
  private readonly unitsAsNumbers: Float64Array
  private readonly sumsAreExactInNumbers: boolean
  private readonly totalAsNumber: number
  private readonly scale: number
  /** run index → position in ascending cost order (ties by run index). */
  private readonly rank: Int32Array
  private readonly byRank: Int32Array

  constructor(costs: readonly string[]) {
    const parsed = costs.map((cost) => parseDecimal(cost))
    this.scale = parsed.reduce((max, cost) => Math.max(max, cost.scale), 0)
    this.units = parsed.map((cost) => cost.units * 10n ** BigInt(this.scale - cost.scale))
    this.unitsAsNumbers = Float64Array.from(this.units, Number)
    const largest = this.unitsAsNumbers.reduce((max, units) => Math.max(max, Math.abs(units)), 0)
    this.sumsAreExactInNumbers = largest * costs.length <= Number.MAX_SAFE_INTEGER
    this.totalAsNumber = this.unitsAsNumbers.reduce((sum, units) => sum + units, 0)
    const numbers = this.unitsAsNumbers
    const units = this.units
    const byCost = this.sumsAreExactInNumbers
      ? (a: number, b: number) => numbers[a] - numbers[b] || a - b
      : (a: number, b: number) => (units[a] < units[b] ? -1 : units[a] > units[b] ? 1 : a - b)
    this.byRank = Int32Array.from(this.units.keys()).sort(byCost)
    this.rank = new Int32Array(costs.length)
    this.byRank.forEach((run, rank) => (this.rank[run] = rank))
  }

  /** Median (mean of the two middle runs when even), p90 (nearest rank) and total of the given runs. */
  summarize(runs: ArrayLike<number>): CostSummary {
    if (runs.length === 0) return { median: '0', p90: '0', total: '0' }
    const ranks = new Int32Array(runs.length)
    for (let i = 0; i < runs.length; i++) ranks[i] = this.rank[runs[i]]
    ranks.sort()
    const at = (i: number) => this.units[this.byRank[ranks[i]]]
    const n = ranks.length
    const middle = n % 2 === 1 ? at((n - 1) / 2) * 10n : ((at(n / 2 - 1) + at(n / 2)) * 10n) / 2n
    const total = this.total(runs)
    return {
      median: this.format(middle, this.scale + 1),
      p90: this.format(at(Math.ceil(0.9 * n) - 1), this.scale),
      total: this.format(total, this.scale),
    }
  }

  private total(runs: ArrayLike<number>): bigint {
    if (this.sumsAreExactInNumbers) return BigInt(this.sumAsNumber(runs))
    let sum = 0n
    for (let i = 0; i < runs.length; i++) sum += this.units[runs[i]]
    return sum
  }

  /** Share of the total cost carried by the given runs, for ranking. */
  share(runs: ArrayLike<number>): number {
    return this.totalAsNumber > 0 ? this.sumAsNumber(runs) / this.totalAsNumber : 0
  }

  private sumAsNumber(runs: ArrayLike<number>): number {
    let sum = 0
    for (let i = 0; i < runs.length; i++) sum += this.unitsAsNumbers[runs[i]]
    return sum
  }

  private format(units: bigint, scale: number): string {
    return formatDecimal(normalizeDecimal({ units, scale }))
  }
}
