import { matchSequence } from '../steps/sequence'

export interface RunMatch {
  runId: string
  /** Index in the run's steps of each pattern step, in order. */
  indexes: number[]
}

/**
 * Where each of a candidate's runs follows its steps: the same matcher portfolio rules use,
 * so a view can highlight the matched steps. Computed on demand for the candidate a person opens.
 */
export function explainMatches(
  candidate: { steps: readonly string[]; runs: readonly string[] },
  runs: readonly { id: string; steps: readonly string[] }[],
  maxGap: number,
): RunMatch[] {
  const wanted = new Set(candidate.runs)
  const matches: RunMatch[] = []
  for (const run of runs) {
    if (!wanted.has(run.id)) continue
    const indexes = matchSequence(run.steps, candidate.steps, maxGap)
    if (indexes) matches.push({ runId: run.id, indexes })
  }
  return matches.sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0))
}
