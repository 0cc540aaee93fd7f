import { mineRecipes, type MinableRun } from '../mining/index'

/** Most runs mined per period: an even sample says as much about the mix, at a bounded cost. */
const SAMPLE = 2000

export interface WorkflowMix {
  /** The portfolio's runs that were mined (all of them, or its part of the sample). */
  runs: number
  /** Distinct recurring workflows its runs follow (each run counted for its most specific one). */
  workflows: number
  /** Share of those runs that follow no recurring workflow: one-offs. */
  oneOffShare: number
}

/**
 * The recurring workflows of a period, mined once over every run in it (a workflow is only
 * recognisable against everything else the team does), read through the mining package's public
 * API only (`mineRecipes`), so health checks do not depend on how mining works inside.
 */
export class WorkflowIndex {
  private readonly workflowOf = new Map<string, string | null>()

  constructor(runs: readonly MinableRun[]) {
    const stride = Math.max(1, Math.ceil(runs.length / SAMPLE))
    const sample = stride === 1 ? runs : runs.filter((_, i) => i % stride === 0)
    for (const run of sample) this.workflowOf.set(run.id, null)
    // Longest (most specific) workflow first: a run that follows "logs, read, edit, test" counts for it, not for "read, edit".
    const candidates = [...mineRecipes(sample).candidates].sort((a, b) => b.steps.length - a.steps.length || b.score - a.score)
    for (const candidate of candidates) for (const runId of candidate.runs) if (this.workflowOf.get(runId) === null) this.workflowOf.set(runId, candidate.key)
  }

  /** The workflow mix of some of the period's runs (a portfolio's). */
  mixOf(runs: readonly { id: string }[]): WorkflowMix {
    const counts = new Map<string, number>()
    let mined = 0
    let oneOffs = 0
    for (const run of runs) {
      const workflow = this.workflowOf.get(run.id)
      if (workflow === undefined) continue
      mined++
      if (workflow === null) oneOffs++
      else counts.set(workflow, (counts.get(workflow) ?? 0) + 1)
    }
    return { runs: mined, workflows: counts.size, oneOffShare: mined === 0 ? 0 : oneOffs / mined }
  }
}
