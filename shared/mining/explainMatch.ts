import { alignSteps } from './alignment'

export interface RunMatch {
  runId: string
  /** Per recipe step, its index in the run's steps, or null where the run skipped it. */
  indexes: (number | null)[]
}

/**
 * Which steps of which runs matched where: each of the candidate's runs aligned to its recipe
 * (the alignment mining sorted variants by), so a view can highlight the matched steps and show
 * the skipped ones. Computed on demand for the candidate a person opens.
 */
export function explainMatches(candidate: { steps: readonly string[]; runs: readonly string[] }, runs: readonly { id: string; steps: readonly string[] }[]): RunMatch[] {
  const wanted = new Set(candidate.runs)
  return runs
    .filter((run) => wanted.has(run.id))
    .map((run) => ({ runId: run.id, indexes: alignSteps(run.steps, candidate.steps) }))
    .sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0))
}
