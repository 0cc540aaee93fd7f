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
  private readonly scale: number
  /** run index → position in ascending cost order (ties by run index). */
  private readonly rank: Int32Array
  private readonly byRank: Int32Array
  /** For ranking only (shares, scores); never summed into money shown to people. */
  readonly approximate: Float64Array
  readonly approximateTotal: number

  constructor(costs: readonly string[]) {
    const parsed = costs.map((cost) => parseDecimal(cost))
    this.scale = parsed.reduce((max, cost) => Math.max(max, cost.scale), 0)
    this.units = parsed.map((cost) => cost.units * 10n ** BigInt(this.scale - cost.scale))
    this.byRank = Int32Array.from(this.units.keys()).sort((a, b) => {
      const x = this.units[a]
      const y = this.units[b]
      return x < y ? -1 : x > y ? 1 : a - b
    })
    this.rank = new Int32Array(costs.length)
    this.byRank.forEach((run, rank) => (this.rank[run] = rank))
    this.approximate = Float64Array.from(parsed, (cost) => Number(formatDecimal(cost)))
    this.approximateTotal = this.approximate.reduce((sum, cost) => sum + cost, 0)
  }

  /** Median (mean of the two middle runs when even), p90 (nearest rank) and total of the given runs. */
  summarize(runs: ArrayLike<number>): CostSummary {
    if (runs.length === 0) return { median: '0', p90: '0', total: '0' }
    const ranks = Int32Array.from(runs, (run) => this.rank[run]).sort()
    const at = (i: number) => this.units[this.byRank[ranks[i]]]
    const n = ranks.length
    const middle = n % 2 === 1 ? at((n - 1) / 2) * 10n : ((at(n / 2 - 1) + at(n / 2)) * 10n) / 2n
    let total = 0n
    for (let i = 0; i < n; i++) total += this.units[runs[i]]
    return {
      median: this.format(middle, this.scale + 1),
      p90: this.format(at(Math.ceil(0.9 * n) - 1), this.scale),
      total: this.format(total, this.scale),
    }
  }

  /** Share of the total cost carried by the given runs, for ranking. */
  share(runs: ArrayLike<number>): number {
    if (this.approximateTotal <= 0) return 0
    let sum = 0
    for (let i = 0; i < runs.length; i++) sum += this.approximate[runs[i]]
    return sum / this.approximateTotal
  }

  private format(units: bigint, scale: number): string {
    return formatDecimal(normalizeDecimal({ units, scale }))
  }
}
