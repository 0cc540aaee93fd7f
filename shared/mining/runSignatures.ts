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
  // Codes in order of first sight while reading (kept for every step), renumbered to sorted label order after.
  const codeOf = new Map<string, number>()
  let longest = 0
  let stepCount = 0
  for (const run of steps) {
    longest = Math.max(longest, run.length)
    stepCount += run.length
  }
  const firstSight = new Int32Array(stepCount)
  let at = 0
  for (const run of steps) {
    for (const label of run) {
      let code = codeOf.get(label)
      if (code === undefined) codeOf.set(label, (code = codeOf.size))
      firstSight[at++] = code
    }
  }
  const labels = [...codeOf.keys()].sort()
  const sortedCode = new Int32Array(labels.length)
  labels.forEach((label, code) => (sortedCode[codeOf.get(label)!] = code))
  // One scratch buffer for every run: each run's arrays are allocated once, at their final length.
  const scratch = new Int32Array(longest)
  const runsWith = new Int32Array(labels.length)
  const seen = new Int32Array(labels.length).fill(-1)
  at = 0
  const collapsed = steps.map((run, index) => {
    for (let i = 0; i < run.length; i++) scratch[i] = sortedCode[firstSight[at++]]
    const codes = scratch.slice(0, collapseInPlace(scratch, run.length))
    for (const code of codes) {
      if (seen[code] !== index) runsWith[code]++
      seen[code] = index
    }
    return codes
  })
  const total = Math.max(1, steps.length)
  const ubiquitous = labels.map((_, code) => runsWith[code] >= ubiquitousShare * total)
  const weights = Float64Array.from(labels, (_, code) => (ubiquitous[code] ? 0 : Math.log(total / runsWith[code])))
  seen.fill(-1)
  // A run of ubiquitous steps only keeps them all: such runs can still recur as a generic loop.
  const signatures = collapsed.map((codes, index) => {
    const informative = firstInformative(codes, ubiquitous, seen, index, scratch)
    return informative.length > 0 ? informative : codes
  })
  return { labels, weights, ubiquitous, collapsed, signatures }
}

/**
 * Consecutive repeats of one to three steps collapse into one: a, b, a, b, c → a, b, c.
 * A stack: after each step, a tail that repeats the steps just before it is dropped.
 */
export function collapseLoops(codes: ArrayLike<number>): Int32Array {
  const out = Int32Array.from(codes)
  return out.slice(0, collapseInPlace(out, out.length))
}

/** collapseLoops within the first `length` codes of `codes` (the stack never outgrows the steps read); the new length. */
function collapseInPlace(codes: Int32Array, length: number): number {
  let top = 0
  for (let i = 0; i < length; i++) {
    codes[top++] = codes[i]
    for (let period = 1; period <= LONGEST_LOOP && 2 * period <= top; period++) {
      if (repeatsBefore(codes, top, period)) {
        top -= period
        period = 0
      }
    }
  }
  return top
}

function repeatsBefore(codes: Int32Array, length: number, period: number): boolean {
  for (let k = 1; k <= period; k++) if (codes[length - k] !== codes[length - period - k]) return false
  return true
}

/**
 * Each informative step once, where it first occurs: loops and steps repeated later say nothing
 * new about the workflow. `seen` marks the labels met in run `run`; `scratch` holds the result
 * until it is copied out at its length.
 */
function firstInformative(codes: Int32Array, ubiquitous: readonly boolean[], seen: Int32Array, run: number, scratch: Int32Array): Int32Array {
  let length = 0
  for (const code of codes) {
    if (ubiquitous[code] || seen[code] === run) continue
    seen[code] = run
    scratch[length++] = code
  }
  return scratch.slice(0, length)
}
