import { highCostThreshold, isHighCost, type HighCostThreshold } from '../analysis/metrics/highCostThreshold'
import type { Annotation } from '../records/annotation'
import { compareDecimal, parseDecimal } from '../money/decimal'
import type { Settings } from '../records/settings'

/** One high-cost run and its portfolio, named by where it ran, never by the person who ran it. */
export interface HighCostRun {
  runId: string
  costUSD: string
  /** null: no portfolio claims it. */
  portfolioId: string | null
  steps: string[]
  start: string
  tool: string
  repo: string | null
  branch: string | null
}

/** A portfolio's (or the unassigned runs') high-cost runs, most expensive first, with the threshold that picked them. */
export interface HighCostGroup {
  portfolioId: string | null
  threshold: HighCostThreshold
  runs: HighCostRun[]
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

export interface HighCostOptions {
  /** Which rule makes a run high-cost, and the team's fixed amount for the fixed rule. */
  settings: Pick<Settings, 'highCostRule' | 'highCostThresholdUSD'>
  portfolioOf?: (runId: string) => string | null
}

type QueueableRun = { id: string; costUSD: string; steps: readonly string[]; start: string; tool: string; repo: string | null; branch: string | null }

/** The period's high-cost runs per portfolio, each portfolio judged against its own runs (see highCostThreshold). */
export function highCostByPortfolio(runs: readonly QueueableRun[], options: HighCostOptions): HighCostGroup[] {
  const byPortfolio = new Map<string | null, QueueableRun[]>()
  for (const run of runs) {
    const portfolioId = options.portfolioOf ? options.portfolioOf(run.id) : null
    const group = byPortfolio.get(portfolioId)
    if (group) group.push(run)
    else byPortfolio.set(portfolioId, [run])
  }
  const groups: HighCostGroup[] = []
  for (const [portfolioId, group] of byPortfolio) {
    const threshold = highCostThreshold(group, options.settings)
    const high = group.filter((run) => isHighCost(run, threshold)).sort(byCostDescending)
    if (high.length > 0) groups.push({ portfolioId, threshold, runs: high.map((run) => queueEntry(run, portfolioId)) })
  }
  return groups
}

/**
 * The high-cost runs without an outcome note, most expensive first: what the team looks at
 * together in stage 3. The actor field is deliberately not carried over.
 */
export function highCostQueue(runs: readonly QueueableRun[], options: HighCostOptions & { isAnnotated: (runId: string) => boolean; limit?: number }): HighCostRun[] {
  return highCostByPortfolio(runs, options)
    .flatMap((group) => group.runs)
    .filter((run) => !options.isAnnotated(run.runId))
    .sort((a, b) => byCostDescending({ id: a.runId, costUSD: a.costUSD }, { id: b.runId, costUSD: b.costUSD }))
    .slice(0, options.limit ?? 50)
}

function byCostDescending(a: { id: string; costUSD: string }, b: { id: string; costUSD: string }): number {
  return compareDecimal(parseDecimal(b.costUSD), parseDecimal(a.costUSD)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function queueEntry(run: QueueableRun, portfolioId: string | null): HighCostRun {
  return { runId: run.id, costUSD: run.costUSD, portfolioId, steps: [...run.steps], start: run.start, tool: run.tool, repo: run.repo, branch: run.branch }
}

/**
 * The high-cost runs that carry an outcome note, most expensive first, each with the note as it
 * reads now (a review keeps them at close). Never the person who ran the run or wrote the note.
 */
export function highCostNotes(
  runs: readonly QueueableRun[],
  options: HighCostOptions & { isAnnotated: (runId: string) => boolean; noteOf: (runId: string) => Annotation | undefined },
): HighCostNote[] {
  return highCostByPortfolio(runs, options)
    .flatMap((group) => group.runs)
    .sort((a, b) => byCostDescending({ id: a.runId, costUSD: a.costUSD }, { id: b.runId, costUSD: b.costUSD }))
    .flatMap((run) => {
      const note = options.noteOf(run.runId)
      if (!note || !options.isAnnotated(run.runId)) return []
      const { runId, costUSD, portfolioId, start, repo, branch } = run
      return [{ runId, costUSD, portfolioId, start, repo, branch, valueCategory: note.valueCategory, evidence: note.evidence.map((link) => ({ ...link })), text: note.text }]
    })
}
