import { mineRecipes, type MinableRun, type MiningResult } from '../../../shared/mining'

/**
 * What the view sends the mining worker: plain data only (functions do not cross a worker
 * boundary), so outcome notes and portfolio assignments travel as lists.
 */
export interface MiningRequest {
  runs: MinableRun[]
  minSupportRuns: number
  annotatedRunIds: string[]
  /** [run id, portfolio id] for every assigned run. */
  portfolioOf: [string, string][]
}

/** The same mineRecipes call the CLI's `mine` makes, with the view's options. */
export function mineWithRequest(request: MiningRequest): MiningResult {
  const annotated = new Set(request.annotatedRunIds)
  const portfolios = new Map(request.portfolioOf)
  return mineRecipes(request.runs, {
    minSupportRuns: request.minSupportRuns,
    isAnnotated: (runId) => annotated.has(runId),
    portfolioOf: (runId) => portfolios.get(runId) ?? null,
  })
}
