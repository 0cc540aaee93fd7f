import type { Annotation } from '../records/annotation'
import { compareDecimal, parseDecimal } from '../money/decimal'

/** One entry of the stage-3 queue: a run and its portfolio, never the person who ran it. */
export interface HighCostRun {
  runId: string
  costUSD: string
  /** null: no portfolio claims it. */
  portfolioId: string | null
  steps: string[]
  start: string
}

/** A stage-3 run that carries an outcome note: the run as the review shows it (repo, branch, day) and the note's text. */
export interface HighCostNote {
  runId: string
  costUSD: string
  portfolioId: string | null
  start: string
  repo: string | null
  branch: string | null
  valueCategory: Annotation['valueCategory']
  evidence: Annotation['evidence']
  text: string
}

export interface HighCostQueueOptions {
  /** Runs costing more than this (exact decimal string) are high-cost: Settings.highCostThresholdUSD. */
  thresholdUSD: string
  isAnnotated: (runId: string) => boolean
  portfolioOf?: (runId: string) => string | null
  /** Most entries to list (default 50). */
  limit?: number
}

interface CostedRun {
  id: string
  costUSD: string
  steps: readonly string[]
  start: string
}

/**
 * The high-cost runs without an outcome note, most expensive first: what the team looks at
 * together in stage 3. The actor field is deliberately not carried over.
 */
export function highCostQueue(runs: readonly CostedRun[], options: HighCostQueueOptions): HighCostRun[] {
  return highCostRuns(runs, options.thresholdUSD)
    .filter((run) => !options.isAnnotated(run.id))
    .slice(0, options.limit ?? 50)
    .map((run) => ({
      runId: run.id,
      costUSD: run.costUSD,
      portfolioId: options.portfolioOf ? options.portfolioOf(run.id) : null,
      steps: [...run.steps],
      start: run.start,
    }))
}

/**
 * The high-cost runs that carry an outcome note, most expensive first, each with the note as it
 * reads now (a review keeps them at close). Never the person who ran the run or wrote the note.
 */
export function highCostNotes(
  runs: readonly (CostedRun & { repo: string | null; branch: string | null })[],
  options: { thresholdUSD: string; isAnnotated: (runId: string) => boolean; noteOf: (runId: string) => Annotation | undefined; portfolioOf: (runId: string) => string | null },
): HighCostNote[] {
  return highCostRuns(runs, options.thresholdUSD).flatMap((run) => {
    const note = options.noteOf(run.id)
    if (!note || !options.isAnnotated(run.id)) return []
    return [
      {
        runId: run.id,
        costUSD: run.costUSD,
        portfolioId: options.portfolioOf(run.id),
        start: run.start,
        repo: run.repo,
        branch: run.branch,
        valueCategory: note.valueCategory,
        evidence: note.evidence.map((link) => ({ ...link })),
        text: note.text,
      },
    ]
  })
}

/** The runs costing more than the threshold, most expensive first (ties by run id). */
function highCostRuns<T extends CostedRun>(runs: readonly T[], thresholdUSD: string): T[] {
  const threshold = parseDecimal(thresholdUSD)
  return runs
    .map((run) => ({ run, cost: parseDecimal(run.costUSD) }))
    .filter(({ cost }) => compareDecimal(cost, threshold) > 0)
    .sort((a, b) => compareDecimal(b.cost, a.cost) || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0))
    .map(({ run }) => run)
}
