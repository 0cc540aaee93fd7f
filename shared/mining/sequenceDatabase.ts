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
  // One pass numbers labels as they come; a permutation then renumbers them in sorted order.
  const firstSeen = new Map<string, number>()
  let total = 0
  for (const steps of sequences) total += steps.length
  const codes = new Uint16Array(total)
  const offsets = new Int32Array(sequences.length + 1)
  let cursor = 0
  for (let run = 0; run < sequences.length; run++) {
    offsets[run] = cursor
    for (const step of sequences[run]) {
      let code = firstSeen.get(step)
      if (code === undefined) {
        if (firstSeen.size > 0xffff) throw new Error('too many distinct step labels to mine')
        code = firstSeen.size
        firstSeen.set(step, code)
      }
      codes[cursor++] = code
    }
  }
  offsets[sequences.length] = cursor
  const labels = [...firstSeen.keys()].sort()
  const sortedCode = new Uint16Array(labels.length)
  labels.forEach((label, code) => (sortedCode[firstSeen.get(label)!] = code))
  for (let i = 0; i < codes.length; i++) codes[i] = sortedCode[codes[i]]
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
