import { lazy, type ComponentType } from 'react'
import type { ViewId } from '../navigation/routes'
import { OverviewView } from './Overview/OverviewView'

type View = ComponentType<{ params: string[] }>

/** A view's code, fetched and run when it is first opened. */
const later = <K extends string>(load: () => Promise<Record<K, View>>, name: K) => lazy(() => load().then((module) => ({ default: module[name] })))

/**
 * One component per navigation entry; each receives the rest of the route. The Overview, the
 * view a window opens on, is in the app's first script; the others are fetched when opened, so
 * a window does not evaluate their code (a third of the app's) before drawing.
 */
export const VIEWS: Record<ViewId, View> = {
  overview: OverviewView,
  import: later(() => import('./Import/ImportView'), 'ImportView'),
  runs: later(() => import('./Runs/RunsView'), 'RunsView'),
  portfolios: later(() => import('./Portfolios/PortfoliosView'), 'PortfoliosView'),
  review: later(() => import('./Review/ReviewView'), 'ReviewView'),
  catalog: later(() => import('./Catalog/CatalogView'), 'CatalogView'),
  settings: later(() => import('./Settings/SettingsView'), 'SettingsView'),
}

/**
 * The views drawn before the window has loaded its ledger: they show only what the analysis
 * worker answers (which reads the stored workspace itself). The others read the window's ledger.
 */
export const VIEWS_BEFORE_LEDGER: ReadonlySet<ViewId> = new Set(['overview'])
