import { parseDecimal, addDecimal, formatDecimal, ZERO, type Decimal } from '../money/decimal'
import type { Recipe } from '../records/recipe'
import { matchSequence } from '../steps/sequence'

type RecipeSteps = Pick<Recipe, 'steps' | 'maxGap'>

/**
 * Where a run follows a recipe (the index of each recipe step in the run's steps), or null.
 * A mined recipe allows the gap it was mined with; one without a gap only asks for the order.
 */
export function recipeMatch(run: { steps: readonly string[] }, recipe: RecipeSteps): number[] | null {
  return matchSequence(run.steps, recipe.steps, recipe.maxGap ?? Infinity)
}

/** For portfolio rules ("runs that follow recipe X") and the repeatable-workflow share. */
export function runFollowsRecipe(run: { steps: readonly string[] }, recipe: RecipeSteps): boolean {
  return recipeMatch(run, recipe) !== null
}

export interface RepeatableWorkflowShare {
  /** Runs that follow at least one promoted recipe. */
  runs: number
  totalRuns: number
  /** runs / totalRuns (0 without runs). */
  share: number
  /** Exact decimal strings. */
  costUSD: string
  totalCostUSD: string
}

/**
 * How much of the work already follows the team's shared recipes: the runs (and their cost)
 * that follow at least one promoted recipe. Candidates and deprecated recipes do not count.
 */
export function repeatableWorkflowShare(runs: readonly { steps: readonly string[]; costUSD: string }[], recipes: readonly Recipe[]): RepeatableWorkflowShare {
  const promoted = recipes.filter((recipe) => recipe.status === 'promoted')
  let following = 0
  let cost: Decimal = ZERO
  let total: Decimal = ZERO
  for (const run of runs) {
    const runCost = parseDecimal(run.costUSD)
    total = addDecimal(total, runCost)
    if (promoted.some((recipe) => runFollowsRecipe(run, recipe))) {
      following++
      cost = addDecimal(cost, runCost)
    }
  }
  return {
    runs: following,
    totalRuns: runs.length,
    share: runs.length === 0 ? 0 : following / runs.length,
    costUSD: formatDecimal(cost),
    totalCostUSD: formatDecimal(total),
  }
}
