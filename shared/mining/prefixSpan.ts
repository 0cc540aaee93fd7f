import type { SequenceDatabase } from './sequenceDatabase'

export interface PatternSearch {
  /** Least number of runs a pattern must occur in. */
  minSupport: number
  /**
   * Most steps the search may visit in all, as a multiple of the steps in the database (never
   * less than MIN_WORK). Long, repetitive runs (read, edit, test, edit, test…) can make millions
   * of patterns frequent; past this budget, or past MAX_PATTERNS, the search stops and says so
   * rather than running for minutes.
   */
  workBudget: number
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

/** A node's fixed cost in visited-step units (typed arrays per label), so many tiny projections count too. */
const NODE_COST = 256
/** Work any search may do, so that small scopes are always searched in full. */
const MIN_WORK = 1 << 22
/** Patterns reported at most: later steps compare patterns pairwise. */
const MAX_PATTERNS = 5000

export interface PatternSearchResult {
  patterns: FrequentPattern[]
  /** The work budget or the pattern cap ran out: longer patterns under the later labels were not searched. */
  truncated: boolean
}

/**
 * Gap-constrained PrefixSpan. Support is counted once per run. Reports the patterns of
 * minLength..maxLength steps that no single appended step keeps at the same support (a cheap
 * first cut towards closed patterns; closedPatterns.ts finishes the job).
 */
export function mineFrequentPatterns(db: SequenceDatabase, search: PatternSearch): PatternSearchResult {
  return new GapPrefixSpan(db, search).run()
}

class GapPrefixSpan {
  private readonly found: FrequentPattern[] = []
  private readonly labelCount: number
  /** Per label: the last run visit that counted it, so a run adds to a label's support once. */
  private readonly seenAt: Float64Array
  private visit = 0
  private work = 0
  private truncated = false
  private readonly workLimit: number
  private readonly allRuns: Int32Array
  /** Reused by every node: a node's following steps are consumed before its children are grown. */
  private readonly scratchPositions: Int32Array
  private readonly scratchLabels: Uint16Array
  private readonly scratchBounds: Int32Array

  constructor(
    private readonly db: SequenceDatabase,
    private readonly search: PatternSearch,
  ) {
    this.labelCount = db.labels.length
    this.workLimit = Math.max(MIN_WORK, search.workBudget * db.codes.length)
    this.seenAt = new Float64Array(this.labelCount)
    this.allRuns = Int32Array.from({ length: db.runCount }, (_, run) => run)
    this.scratchPositions = new Int32Array(db.codes.length)
    this.scratchLabels = new Uint16Array(db.codes.length)
    this.scratchBounds = new Int32Array(db.runCount + 1)
  }

  run(): PatternSearchResult {
    const roots = this.project(null)
    roots.forEach((projection, code) => {
      if (projection) this.grow([code], projection)
    })
    return { patterns: this.found, truncated: this.truncated }
  }

  private grow(pattern: number[], projection: Projection): void {
    const support = projection.runs.length
    const outOfBudget = this.work > this.workLimit || this.found.length >= MAX_PATTERNS
    if (outOfBudget) this.truncated = true
    if (pattern.length >= this.search.maxLength || outOfBudget) {
      if (pattern.length >= this.search.minLength) this.report(pattern, projection)
      return
    }
    const children = this.project(projection)
    const extendsAtSameSupport = children.some((child) => child !== null && child.runs.length === support)
    if (pattern.length >= this.search.minLength && !extendsAtSameSupport) this.report(pattern, projection)
    children.forEach((child, code) => {
      if (child) this.grow([...pattern, code], child)
    })
  }

  /** A copy of the runs: the projection is a view into arrays its siblings share. */
  private report(pattern: number[], projection: Projection): void {
    this.found.push({ codes: pattern, runs: projection.runs.slice() })
  }

  /**
   * The projections of every frequent one-step extension (indexed by label code; null when
   * infrequent). With no parent, the projections of the single labels. One pass collects and
   * counts the steps that can follow the prefix; a second sorts them by label into one
   * allocation per node (a counting sort), each child a view of its slice.
   */
  private project(parent: Projection | null): (Projection | null)[] {
    const { runCount, runs, bounds, positions, labels, runSupport, endCount } = this.followingSteps(parent)
    const minSupport = this.search.minSupport
    // Where each frequent label's runs and ends start in the node's shared arrays.
    const runStart = new Int32Array(this.labelCount + 1)
    const endStart = new Int32Array(this.labelCount + 1)
    for (let code = 0; code < this.labelCount; code++) {
      const frequent = runSupport[code] >= minSupport
      runStart[code + 1] = runStart[code] + (frequent ? runSupport[code] : 0)
      endStart[code + 1] = endStart[code] + (frequent ? endCount[code] : 0)
    }
    const childRuns = new Int32Array(runStart[this.labelCount])
    // One more bound per child than runs: child c's bounds start at runStart[c] + c.
    const childBounds = new Int32Array(runStart[this.labelCount] + this.labelCount)
    const childEnds = new Int32Array(endStart[this.labelCount])
    const runCursor = runStart.slice(0, this.labelCount)
    const endCursor = endStart.slice(0, this.labelCount)
    const seenAt = this.seenAt
    for (let i = 0; i < runCount; i++) {
      const visit = ++this.visit
      const run = runs[i]
      for (let k = bounds[i]; k < bounds[i + 1]; k++) {
        const code = labels[k]
        if (runSupport[code] < minSupport) continue
        if (seenAt[code] !== visit) {
          seenAt[code] = visit
          childBounds[runCursor[code] + code] = endCursor[code] - endStart[code]
          childRuns[runCursor[code]++] = run
        }
        childEnds[endCursor[code]++] = positions[k]
      }
    }
    const children: (Projection | null)[] = []
    for (let code = 0; code < this.labelCount; code++) {
      if (runSupport[code] < minSupport) {
        children.push(null)
        continue
      }
      const boundsStart = runStart[code] + code
      childBounds[boundsStart + runSupport[code]] = endCount[code]
      children.push({
        runs: childRuns.subarray(runStart[code], runStart[code + 1]),
        bounds: childBounds.subarray(boundsStart, boundsStart + runSupport[code] + 1),
        ends: childEnds.subarray(endStart[code], endStart[code + 1]),
      })
    }
    return children
  }

  /**
   * Every step that can follow the prefix: within maxGap steps after one of its ends, each step
   * once per run and in order (the windows of consecutive ends overlap), with its label, counted
   * per label (steps, and runs once each) on the way. Written into reused scratch arrays.
   */
  private followingSteps(parent: Projection | null) {
    const { codes, offsets } = this.db
    const runs = parent ? parent.runs : this.allRuns
    const positions = this.scratchPositions
    const labels = this.scratchLabels
    const bounds = this.scratchBounds
    const runSupport = new Int32Array(this.labelCount)
    const endCount = new Int32Array(this.labelCount)
    const seenAt = this.seenAt
    const reach = this.search.maxGap + 1
    let cursor = 0
    for (let i = 0; i < runs.length; i++) {
      bounds[i] = cursor
      const visit = ++this.visit
      const runStart = cursor
      const runEnd = offsets[runs[i] + 1]
      if (!parent) {
        for (let position = offsets[runs[i]]; position < runEnd; position++) positions[cursor++] = position
      } else {
        let scanned = -1
        for (let k = parent.bounds[i]; k < parent.bounds[i + 1]; k++) {
          const end = parent.ends[k]
          const to = Math.min(runEnd - 1, end + reach)
          for (let position = Math.max(end + 1, scanned + 1); position <= to; position++) positions[cursor++] = position
          if (to > scanned) scanned = to
        }
      }
      for (let k = runStart; k < cursor; k++) {
        const code = codes[positions[k]]
        labels[k] = code
        endCount[code]++
        if (seenAt[code] !== visit) {
          seenAt[code] = visit
          runSupport[code]++
        }
      }
    }
    bounds[runs.length] = cursor
    this.work += cursor + NODE_COST
    return { runCount: runs.length, runs, bounds, positions, labels, runSupport, endCount }
  }
}
