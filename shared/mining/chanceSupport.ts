import type { SequenceDatabase } from './sequenceDatabase'

/**
 * How many runs would hold a pattern by chance alone: if every step were drawn independently
 * with the label frequencies seen in scope, keeping each run's length. A pattern whose support
 * is not well above this ("edit, test" where nearly every step is an edit or a test) says
 * nothing about how the team works, however often it recurs.
 */
export class ChanceSupport {
  private readonly probability: Float64Array
  /** [length, runs of that length] */
  private readonly lengths: [number, number][]

  constructor(
    db: SequenceDatabase,
    private readonly maxGap: number,
  ) {
    const counts = new Float64Array(db.labels.length)
    for (let i = 0; i < db.codes.length; i++) counts[db.codes[i]]++
    this.probability = counts.map((count) => count / Math.max(1, db.codes.length))
    const byLength = new Map<number, number>()
    for (let run = 0; run < db.runCount; run++) {
      const length = db.offsets[run + 1] - db.offsets[run]
      byLength.set(length, (byLength.get(length) ?? 0) + 1)
    }
    this.lengths = [...byLength]
  }

  /**
   * Expected number of runs: per run, the expected count of gap-respecting placements
   * (starts × (maxGap + 1)^(steps − 1) × product of label probabilities), turned into a
   * probability of at least one with a Poisson approximation.
   */
  expected(codes: readonly number[]): number {
    const placementProbability = codes.reduce((product, code) => product * this.probability[code], 1) * (this.maxGap + 1) ** (codes.length - 1)
    let expected = 0
    for (const [length, runs] of this.lengths) {
      const starts = length - codes.length + 1
      if (starts > 0) expected += runs * (1 - Math.exp(-starts * placementProbability))
    }
    return expected
  }

  /** Observed support over chance support: 1 means the steps' frequencies explain it. */
  lift(codes: readonly number[], support: number): number {
    const expected = this.expected(codes)
    return expected > 0 ? support / expected : Infinity
  }
}
