export const VIEW_IDS = ['overview', 'import', 'runs', 'portfolios', 'review', 'catalog', 'settings'] as const
export type ViewId = (typeof VIEW_IDS)[number]

export const VIEW_LABELS: Record<ViewId, string> = {
  overview: 'Overview',
  import: 'Import',
  runs: 'Runs',
  portfolios: 'Portfolios',
  review: 'Review',
  catalog: 'Catalog',
  settings: 'Settings',
}

export interface Route {
  view: ViewId
  /** The rest of the hash path, e.g. a portfolio id. */
  params: string[]
}

/** Routes live in the URL hash so a reload (or a teammate's link) opens the same view. */
export function parseRoute(hash: string): Route {
  const [view, ...params] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  return VIEW_IDS.includes(view as ViewId) ? { view: view as ViewId, params } : { view: 'overview', params: [] }
}

/** `#/runs/mined-from/<recipeId>`: exactly the runs a catalog recipe was mined from. */
export const RUNS_MINED_FROM = 'mined-from'

export function routeHref(view: ViewId, ...params: string[]): string {
  return '#/' + [view, ...params].map(encodeURIComponent).join('/')
}
