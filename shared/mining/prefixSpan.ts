import type { SequenceDatabase } from './sequenceDatabase'

export interface PatternSearch {
  /** Least number of runs a pattern must occur in. */
  minSupport: number
  /** Most other steps allowed between two consecutive pattern steps. */
  maxGap: number
  minLength: number
  maxLength: number
}

/** A frequent pattern as label codes, with the runs it occurs in (ascending run indexes). */
export interface FrequentPattern {
  readonly codes: readonly number[]
  readonly runs: Int32Array
}

/**
 * A pseudo-projected database: for each run that holds the current prefix, every step index
 * where an occurrence of the prefix can end. With a gap limit the earliest end is not enough
 * (a later one may be the only one close enough to the next step), so all ends are kept.
 */
interface Projection {
  runs: Int32Array
  /** Ends of runs[i] are ends[bounds[i]] … ends[bounds[i + 1] - 1], ascending. */
  bounds: Int32Array
  ends: Int32Array
}

/**
 * Gap-constrained PrefixSpan. Support is counted once per run. Reports the patterns of
 * minLength..maxLength steps that no single appended step keeps at the same support (a cheap
 * first cut towards closed patterns; closedPatterns.ts finishes the job).
 */
export function mineFrequentPatterns(db: SequenceDatabase, search: PatternSearch): FrequentPattern[] {
  const miner = new GapPrefixSpan(db, search)
  return miner.run()
}

class GapPrefixSpan {
  private readonly found: FrequentPattern[] = []
  private readonly labelCount: number
  /** Per label: the last run visit that counted it, so a run adds to a label's support once. */
  private readonly seenAt: Float64Array
  private visit = 0
  private readonly allRuns: Int32Array
  private readonly allPositions: Int32Array
  /** Reused by every node: a node's following steps are consumed before its children are grown. */
  private readonly scratchPositions: Int32Array
  private readonly scratchBounds: Int32Array

  constructor(
    private readonly db: SequenceDatabase,
    private readonly search: PatternSearch,
  ) {
    this.labelCount = db.labels.length
    this.seenAt = new Float64Array(this.labelCount)
    this.allRuns = Int32Array.from({ length: db.runCount }, (_, run) => run)
    this.allPositions = Int32Array.from({ length: db.codes.length }, (_, position) => position)
    this.scratchPositions = new Int32Array(db.codes.length)
    this.scratchBounds = new Int32Array(db.runCount + 1)
  }

  run(): FrequentPattern[] {
    const roots = this.project(null)
    roots.forEach((projection, code) => {
      if (projection) this.grow([code], projection)
    })
    return this.found
  }

  private grow(pattern: number[], projection: Projection): void {
    const support = projection.runs.length
    if (pattern.length >= this.search.maxLength) {
      if (pattern.length >= this.search.minLength) this.found.push({ codes: pattern, runs: projection.runs })
      return
    }
    const children = this.project(projection)
    const extendsAtSameSupport = children.some((child) => child !== null && child.runs.length === support)
    if (pattern.length >= this.search.minLength && !extendsAtSameSupport) {
      this.found.push({ codes: pattern, runs: projection.runs })
    }
    children.forEach((child, code) => {
      if (child) this.grow([...pattern, code], child)
    })
  }

  /**
   * The projections of every frequent one-step extension (indexed by label code; null when
   * infrequent). With no parent, the projections of the single labels. Two passes over the
   * steps that can follow the prefix: count, then fill exact-size typed arrays.
   */
  private project(parent: Projection | null): (Projection | null)[] {
    const following = this.followingSteps(parent)
    const runSupport = new Int32Array(this.labelCount)
    const endCount = new Int32Array(this.labelCount)
    const { codes } = this.db
    for (let i = 0; i < following.runCount; i++) {
      const visit = ++this.visit
      for (let k = following.bounds[i]; k < following.bounds[i + 1]; k++) {
        const code = codes[following.positions[k]]
        endCount[code]++
        if (this.seenAt[code] !== visit) {
          this.seenAt[code] = visit
          runSupport[code]++
        }
      }
    }

    const children: (Projection | null)[] = []
    for (let code = 0; code < this.labelCount; code++) {
      children.push(
        runSupport[code] >= this.search.minSupport
          ? { runs: new Int32Array(runSupport[code]), bounds: new Int32Array(runSupport[code] + 1), ends: new Int32Array(endCount[code]) }
          : null,
      )
    }
    const runCursor = new Int32Array(this.labelCount)
    const endCursor = new Int32Array(this.labelCount)
    for (let i = 0; i < following.runCount; i++) {
      const visit = ++this.visit
      const run = following.runs[i]
      for (let k = following.bounds[i]; k < following.bounds[i + 1]; k++) {
        const position = following.positions[k]
        const code = codes[position]
        const child = children[code]
        if (!child) continue
        if (this.seenAt[code] !== visit) {
          this.seenAt[code] = visit
          child.runs[runCursor[code]] = run
          child.bounds[runCursor[code]] = endCursor[code]
          runCursor[code]++
        }
        child.ends[endCursor[code]++] = position
      }
    }
    for (const child of children) if (child) child.bounds[child.runs.length] = child.ends.length
    return children
  }

  /**
   * Every step that can follow the prefix: within maxGap steps after one of its ends, each step
   * once per run and in order (the windows of consecutive ends overlap). Written into reused
   * scratch arrays; with no parent, every step of every run.
   */
  private followingSteps(parent: Projection | null): { runCount: number; runs: Int32Array; bounds: Int32Array; positions: Int32Array } {
    const { offsets, runCount } = this.db
    if (!parent) return { runCount, runs: this.allRuns, bounds: offsets, positions: this.allPositions }
    const reach = this.search.maxGap + 1
    const positions = this.scratchPositions
    const bounds = this.scratchBounds
    let cursor = 0
    for (let i = 0; i < parent.runs.length; i++) {
      bounds[i] = cursor
      const runEnd = offsets[parent.runs[i] + 1]
      let scanned = -1
      for (let k = parent.bounds[i]; k < parent.bounds[i + 1]; k++) {
        const end = parent.ends[k]
        const to = Math.min(runEnd - 1, end + reach)
        for (let position = Math.max(end + 1, scanned + 1); position <= to; position++) positions[cursor++] = position
        if (to > scanned) scanned = to
      }
    }
    bounds[parent.runs.length] = cursor
    return { runCount: parent.runs.length, runs: parent.runs, bounds, positions }
  }
}
