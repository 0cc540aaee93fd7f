import { currentSummarizedAnalysis } from './analysisCache'
import type { AnalysedWorkspace } from './analysisVersion'
import type { AnalysisAnswers, AnalysisQuestion } from './analysisProtocol'
import { monthlyTotals } from './batchTotals'
import { overviewModel } from './overviewModel'

/** Answers a question about a workspace: in the analysis worker, or on the window's thread where there is none. */
export function answer<Q extends AnalysisQuestion>(workspace: AnalysedWorkspace, question: Q): AnalysisAnswers[Q['type']] {
  const asked: AnalysisQuestion = question
  switch (asked.type) {
    case 'overview':
      return overviewModel(currentSummarizedAnalysis(workspace), asked.request) as AnalysisAnswers[Q['type']]
    case 'batch-months': {
      const meta = workspace.ledger.meta(asked.batchId)
      return (meta ? monthlyTotals(workspace.ledger, meta) : []) as AnalysisAnswers[Q['type']]
    }
  }
}
