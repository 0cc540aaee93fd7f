import type { Recipe } from '../../records/recipe'
import type { Run } from '../../records/run'
import { decimalToNumber, parseDecimal } from '../../money/decimal'
import { repeatableWorkflowShare } from '../../catalog/followsRecipe'

/** How much of a portfolio's work follows a promoted catalog recipe: repeatable workflows. */
export interface RecipeShare {
  promotedRecipes: number
  followingRuns: number
  /** Shares in [0, 1]; 0 until recipes are promoted. Numbers for display, never summed as money. */
  runs: number
  spend: number
}

/** The catalog's repeatable-workflow share, so metrics, rules and the catalog match runs alike. */
export function recipeShare(runs: readonly Run[], recipes: readonly Recipe[]): RecipeShare {
  const share = repeatableWorkflowShare(runs, recipes)
  const total = parseDecimal(share.totalCostUSD)
  return {
    promotedRecipes: recipes.filter((recipe) => recipe.status === 'promoted').length,
    followingRuns: share.runs,
    runs: share.share,
    spend: total.units > 0n ? decimalToNumber(parseDecimal(share.costUSD)) / decimalToNumber(total) : 0,
  }
}
