/**
 * Each run reduced to what tells workflows apart (its signature), in one linear pass:
 * labels become small ints; labels in nearly every run (read, search: the noise sessions are
 * full of) are dropped, as they say nothing about which workflow a run follows; loops collapse
 * (edit, test, edit, test → edit, test), so a loop repeated a varying number of times is one
 * form. Every remaining label weighs its inverse document frequency: a rare step (logs, doc)
 * says more than a common one (edit).
 */
export interface RunSignatures {
  labels: string[]
  /** Per label: ln(runs / runs with the label); 0 for ubiquitous labels. */
  weights: Float64Array
  /** Per label: whether it is in so many runs that it is left out of signatures. */
  ubiquitous: boolean[]
  /** Per run: its steps as label codes, loops collapsed, ubiquitous labels kept. */
  collapsed: Int32Array[]
  /** Per run: `collapsed` without ubiquitous labels, loops collapsed again; all of `collapsed` when nothing else is left. */
  signatures: Int32Array[]
}

/** Loops of up to this many steps collapse. */
const LONGEST_LOOP = 3

export function runSignatures(steps: readonly (readonly string[])[], ubiquitousShare: number): RunSignatures {
  const labels = [...new Set(steps.flat())].sort()
  const codeOf = new Map(labels.map((label, code) => [label, code]))
  const runsWith = new Int32Array(labels.length)
  const seen = new Int32Array(labels.length).fill(-1)
  const collapsed = steps.map((run, index) => {
    const codes = collapseLoops(run.map((label) => codeOf.get(label)!))
    for (const code of codes) {
      if (seen[code] !== index) runsWith[code]++
      seen[code] = index
    }
    return codes
  })
  const total = Math.max(1, steps.length)
  const ubiquitous = labels.map((_, code) => runsWith[code] >= ubiquitousShare * total)
  const weights = Float64Array.from(labels, (_, code) => (ubiquitous[code] ? 0 : Math.log(total / runsWith[code])))
  // A run of ubiquitous steps only keeps them all: such runs can still recur as a generic loop.
  const signatures = collapsed.map((codes) => {
    const informative = firstOccurrences(codes.filter((code) => !ubiquitous[code]))
    return informative.length > 0 ? informative : codes
  })
  return { labels, weights, ubiquitous, collapsed, signatures }
}

/**
 * Consecutive repeats of one to three steps collapse into one: a, b, a, b, c → a, b, c.
 * A stack: after each step, a tail that repeats the steps just before it is dropped.
 */
export function collapseLoops(codes: ArrayLike<number>): Int32Array {
  const out = new Int32Array(codes.length)
  let length = 0
  for (let i = 0; i < codes.length; i++) {
    out[length++] = codes[i]
    for (let period = 1; period <= LONGEST_LOOP && 2 * period <= length; period++) {
      if (repeatsBefore(out, length, period)) {
        length -= period
        period = 0
      }
    }
  }
  return out.slice(0, length)
}

function repeatsBefore(codes: Int32Array, length: number, period: number): boolean {
  for (let k = 1; k <= period; k++) if (codes[length - k] !== codes[length - period - k]) return false
  return true
}

/** Each step once, where it first occurs: loops and steps repeated later say nothing new about the workflow. */
function firstOccurrences(codes: Iterable<number>): Int32Array {
  return Int32Array.from(new Set(codes))
}
