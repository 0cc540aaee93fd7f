import { analyze, type Analysis } from '../../../shared/analysis/analyze'
import type { ChargeLine } from '../../../shared/analysis/input'
import { readAnalysisInput, readSummarizedAnalysisInput } from '../../../shared/analysis/workspaceInput'
import { cacheFor, type AnalysedWorkspace, type AnalysisCache, type Computed } from './analysisVersion'

/** `computed` when it is of the cache's current version, else computed anew. */
function upToDate<A>(cache: AnalysisCache, computed: Computed<A> | null, compute: () => A): Computed<A> {
  return computed?.version === cache.version ? computed : { version: cache.version, analysis: compute() }
}

export function currentAnalysis(workspace: AnalysedWorkspace, now = new Date()): Analysis {
  const cache = cacheFor(workspace)
  cache.full = upToDate(cache, cache.full, () => analyze(readAnalysisInput(workspace.governance, workspace.ledger, now.toISOString(), cache.annotated)))
  return cache.full.analysis
}

/**
 * The analysis for totals (the Overview): charges read from the batches' summaries when the
 * rules allow, so a million-row import is a few thousand lines instead of a million decoded
 * charges. Views that list charges one by one use currentAnalysis.
 */
export function currentSummarizedAnalysis(workspace: AnalysedWorkspace, now = new Date()): Analysis<ChargeLine> {
  const cache = cacheFor(workspace)
  cache.summarized = upToDate(cache, cache.summarized, () => analyze(readSummarizedAnalysisInput(workspace.governance, workspace.ledger, now.toISOString(), cache.annotated)))
  return cache.summarized.analysis
}
