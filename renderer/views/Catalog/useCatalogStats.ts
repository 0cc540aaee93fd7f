import { useMemo } from 'react'
import { recipeStats, type RecipeStats } from '../../../shared/catalog'
import type { Recipe } from '../../../shared/records/recipe'
import { useAnalysis } from '../../workspace/useAnalysis'

export interface CatalogContext {
  stats: Map<string, RecipeStats>
  /** Portfolio id → name. */
  portfolioNames: Record<string, string>
  runs: ReturnType<typeof useAnalysis>['input']['runs']
  portfolioOf: (runId: string) => string | null
  isAnnotated: (runId: string) => boolean
}

/** Live statistics of every recipe over all imported runs: derived on each change, never stored. */
export function useCatalogStats(recipes: readonly Recipe[]): CatalogContext {
  const analysis = useAnalysis()
  return useMemo(() => {
    const { input } = analysis
    const portfolioOf = (runId: string) => analysis.assignment.runs.get(runId)?.portfolioId ?? null
    const isAnnotated = (runId: string) => input.annotatedRunIds.has(runId)
    const stats = new Map(recipes.map((recipe) => [recipe.id, recipeStats(recipe, input.runs, { isAnnotated, portfolioOf })]))
    return { stats, portfolioNames: Object.fromEntries(input.portfolios.map((p) => [p.id, p.name])), runs: input.runs, portfolioOf, isAnnotated }
  }, [analysis, recipes])
}
