import type { Recipe } from '../../records/recipe'
import type { Run } from '../../records/run'
import { addDecimal, decimalToNumber, parseDecimal, ZERO } from '../../money/decimal'
import { followsSequence } from '../../steps/sequence'

/** How much of a portfolio's work follows a promoted catalog recipe: repeatable workflows. */
export interface RecipeShare {
  promotedRecipes: number
  followingRuns: number
  /** Shares in [0, 1]; 0 until recipes are promoted. Numbers for display, never summed as money. */
  runs: number
  spend: number
}

export function recipeShare(runs: readonly Run[], recipes: readonly Recipe[]): RecipeShare {
  const promoted = recipes.filter((recipe) => recipe.status === 'promoted')
  let all = ZERO
  let following = ZERO
  let followingRuns = 0
  for (const run of runs) {
    const cost = parseDecimal(run.costUSD)
    all = addDecimal(all, cost)
    if (promoted.some((recipe) => followsSequence(run.steps, recipe.steps))) {
      followingRuns += 1
      following = addDecimal(following, cost)
    }
  }
  return {
    promotedRecipes: promoted.length,
    followingRuns,
    runs: runs.length ? followingRuns / runs.length : 0,
    spend: all.units > 0n ? decimalToNumber(following) / decimalToNumber(all) : 0,
  }
}
