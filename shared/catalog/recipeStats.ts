import type { Recipe } from '../records/recipe'
import { portfolioCounts, type PortfolioCount } from '../mining/portfolioCounts'
import { RunCosts, type CostSummary } from '../mining/runCosts'
import { runFollowsRecipe } from './followsRecipe'

/** A recipe's live statistics over the runs in scope: computed on demand, never stored. */
export interface RecipeStats {
  runs: number
  /** Share of the runs in scope. */
  share: number
  costUSD: CostSummary
  /** Runs among them that carry an outcome note. */
  annotatedRuns: number
  portfolios: PortfolioCount[]
}

export interface RecipeStatsOptions {
  isAnnotated?: (runId: string) => boolean
  portfolioOf?: (runId: string) => string | null
}

export function recipeStats(
  recipe: Pick<Recipe, 'steps' | 'maxGap'>,
  runs: readonly { id: string; steps: readonly string[]; costUSD: string }[],
  options: RecipeStatsOptions = {},
): RecipeStats {
  const following = runs.filter((run) => runFollowsRecipe(run, recipe))
  const ids = following.map((run) => run.id)
  return {
    runs: following.length,
    share: runs.length === 0 ? 0 : following.length / runs.length,
    costUSD: new RunCosts(following.map((run) => run.costUSD)).summarize(following.map((_, i) => i)),
    annotatedRuns: options.isAnnotated ? ids.filter(options.isAnnotated).length : 0,
    portfolios: options.portfolioOf ? portfolioCounts(ids, options.portfolioOf) : [],
  }
}
