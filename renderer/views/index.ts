import type { ComponentType } from 'react'
import type { ViewId } from '../navigation/routes'
import { CatalogView } from './Catalog/CatalogView'
import { ImportView } from './Import/ImportView'
import { OverviewView } from './Overview/OverviewView'
import { PortfoliosView } from './Portfolios/PortfoliosView'
import { ReviewView } from './Review/ReviewView'
import { RunsView } from './Runs/RunsView'
import { SettingsView } from './Settings/SettingsView'

/** One component per navigation entry; each receives the rest of the route. */
export const VIEWS: Record<ViewId, ComponentType<{ params: string[] }>> = {
  overview: OverviewView,
  import: ImportView,
  runs: RunsView,
  portfolios: PortfoliosView,
  review: ReviewView,
  catalog: CatalogView,
  settings: SettingsView,
}

/**
 * The views drawn before the window has loaded its ledger: they show only what the analysis
 * worker answers (which reads the stored workspace itself). The others read the window's ledger.
 */
export const VIEWS_BEFORE_LEDGER: ReadonlySet<ViewId> = new Set(['overview'])
