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

export interface HighCostQueueOptions {
  /** Runs costing more than this (exact decimal string) are high-cost: Settings.highCostThresholdUSD. */
  thresholdUSD: string
  isAnnotated: (runId: string) => boolean
  portfolioOf?: (runId: string) => string | null
  /** Most entries to list (default 50). */
  limit?: number
}

/**
 * The high-cost runs without an outcome note, most expensive first: what the team looks at
 * together in stage 3. The actor field is deliberately not carried over.
 */
export function highCostQueue(
  runs: readonly { id: string; costUSD: string; steps: readonly string[]; start: string }[],
  options: HighCostQueueOptions,
): HighCostRun[] {
  const threshold = parseDecimal(options.thresholdUSD)
  return runs
    .map((run) => ({ run, cost: parseDecimal(run.costUSD) }))
    .filter(({ run, cost }) => compareDecimal(cost, threshold) > 0 && !options.isAnnotated(run.id))
    .sort((a, b) => compareDecimal(b.cost, a.cost) || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0))
    .slice(0, options.limit ?? 50)
    .map(({ run }) => ({
      runId: run.id,
      costUSD: run.costUSD,
      portfolioId: options.portfolioOf ? options.portfolioOf(run.id) : null,
      steps: [...run.steps],
      start: run.start,
    }))
}
