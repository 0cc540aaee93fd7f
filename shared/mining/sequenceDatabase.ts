/**
 * Step sequences packed for mining: labels interned to small integers and every run's steps
 * concatenated into one typed array, so the miner walks index arrays instead of strings.
 */
export interface SequenceDatabase {
  /** code → label, sorted so codes do not depend on the order runs arrive in. */
  readonly labels: readonly string[]
  /** Every run's step codes, back to back. */
  readonly codes: Uint16Array
  /** Run i's steps are codes[offsets[i]] … codes[offsets[i + 1] - 1]. */
  readonly offsets: Int32Array
  readonly runCount: number
}

export function buildSequenceDatabase(sequences: readonly (readonly string[])[]): SequenceDatabase {
  const distinct = new Set<string>()
  let total = 0
  for (const steps of sequences) {
    for (const step of steps) distinct.add(step)
    total += steps.length
  }
  const labels = [...distinct].sort()
  if (labels.length > 0xffff) throw new Error(`too many distinct step labels to mine (${labels.length})`)
  const codeOf = new Map(labels.map((label, code) => [label, code]))
  const codes = new Uint16Array(total)
  const offsets = new Int32Array(sequences.length + 1)
  let cursor = 0
  sequences.forEach((steps, run) => {
    offsets[run] = cursor
    for (const step of steps) codes[cursor++] = codeOf.get(step)!
  })
  offsets[sequences.length] = cursor
  return { labels, codes, offsets, runCount: sequences.length }
}

/**
 * How much a step says about a workflow: 1 for a label found in every run, more for rarer
 * ones (1 + log2 of runs / runs with the label). "search, read, edit, test" outweighs
 * "edit, test, edit, test" even though edits and tests are everywhere.
 */
export function stepWeights(db: SequenceDatabase): Float64Array {
  const runsWith = new Int32Array(db.labels.length)
  const lastRun = new Int32Array(db.labels.length).fill(-1)
  for (let run = 0; run < db.runCount; run++) {
    for (let i = db.offsets[run]; i < db.offsets[run + 1]; i++) {
      const code = db.codes[i]
      if (lastRun[code] !== run) {
        lastRun[code] = run
        runsWith[code]++
      }
    }
  }
  return Float64Array.from(runsWith, (count) => 1 + Math.log2(db.runCount / count))
}
