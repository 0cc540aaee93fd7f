import type { Recipe } from '../../shared/records/recipe'
import { useObserved, useWorkspace } from './WorkspaceContext'

/** The catalog's recipes, live, by name. */
export function useRecipes(): Recipe[] {
  const { governance } = useWorkspace()
  const map = governance.recipes.map
  return useObserved(
    (onChange) => {
      map.observeDeep(onChange)
      return () => map.unobserveDeep(onChange)
    },
    () => governance.recipes.list().records.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    [governance],
  )
}
