import type { Analysis } from '../../../shared/analysis/analyze'
import type { ChargeLine } from '../../../shared/analysis/input'
import type { Workspace } from '../openLocalWorkspace'

/*
 * What invalidates a workspace's analysis (its version, and who listens for it), apart from the
 * code that computes it (analysisCache.ts): a window whose analysis runs in the worker only
 * counts changes, and so never loads the analysis itself.
 */

/** What the analysis reads: the window's workspace, or the analysis worker's mirror of it. */
export type AnalysedWorkspace = Pick<Workspace, 'governance' | 'ledger' | 'storage' | 'storedStates'>

/** An analysis and the cache version it was computed at. */
export interface Computed<A> {
  version: number
  analysis: A
}

export interface AnalysisCache {
  version: number
  full: Computed<Analysis> | null
  /** The same analysis over the batches' summaries where they serve (see readSummarizedAnalysisInput). */
  summarized: Computed<Analysis<ChargeLine>> | null
  /** The annotated subjects as last read: a change to them invalidates the analysis, which then uses them. */
  annotated: ReadonlySet<string>
  listeners: Set<() => void>
}

const caches = new WeakMap<AnalysedWorkspace, AnalysisCache>()

/**
 * One derived analysis per workspace, shared by every reader and recomputed lazily (analysisCache.ts)
 * after what it reads changes. Derived data is never written back to the shared documents.
 */
export function cacheFor(workspace: AnalysedWorkspace): AnalysisCache {
  let cache = caches.get(workspace)
  if (cache) return cache
  const { governance, ledger } = workspace
  const created: AnalysisCache = { version: 0, full: null, summarized: null, annotated: governance.annotations.annotatedSubjects(), listeners: new Set() }
  const bump = () => {
    created.version++
    for (const listener of created.listeners) listener()
  }
  // Only what the analysis reads invalidates it: typing an outcome note or moving a review
  // stage must not re-analyse 100,000 runs on every keystroke.
  ledger.observe(bump)
  for (const records of [governance.portfolios, governance.portfolioChanges, governance.recipes, governance.envelopeMoves, governance.outcomeLinkEdits, governance.repoAliases]) records.observe(bump)
  // A note's category and evidence count as outcomes and can link its run to an incident; its
  // text only touches the record once a minute while someone types (AnnotationText.tsx).
  governance.annotations.records.observe(bump)
  governance.settings.observe(bump)
  governance.doc.on('update', () => {
    const now = governance.annotations.annotatedSubjects()
    const { annotated } = created
    if (now.size === annotated.size && [...now].every((subject) => annotated.has(subject))) return
    created.annotated = now
    bump()
  })
  caches.set(workspace, created)
  return created
}

/** Counts the changes that invalidate the analysis, without computing it (the worker computes). */
export function analysisVersion(workspace: AnalysedWorkspace): number {
  return cacheFor(workspace).version
}

export function subscribeToAnalysis(workspace: AnalysedWorkspace, listener: () => void): () => void {
  const { listeners } = cacheFor(workspace)
  listeners.add(listener)
  return () => listeners.delete(listener)
}
