/**
 * Messages between the window and the analysis worker, which keeps a copy of the workspace's
 * two documents and answers what the views over a large ledger draw, so the window never
 * decodes or walks a million charges (the way Actual Budget keeps its core in a worker).
 *
 * The window sends every change to either document as the Yjs update it already is (the first
 * one the whole state), in order, so a question asked after an import is answered with it.
 */
import type { BatchMonth } from './batchTotals'
import type { OverviewModel, OverviewRequest } from './overviewModel'

export type AnalysisQuestion = { type: 'overview'; request: OverviewRequest } | { type: 'batch-months'; batchId: string }

export interface AnalysisAnswers {
  overview: OverviewModel
  'batch-months': BatchMonth[]
}

export type ToAnalysisWorker =
  | { type: 'update'; doc: 'governance' | 'ledger'; update: Uint8Array }
  | { type: 'ask'; id: number; question: AnalysisQuestion }

export type AnalysisAnswer = AnalysisAnswers[AnalysisQuestion['type']]

export type FromAnalysisWorker = { type: 'answer'; id: number; answer: AnalysisAnswer } | { type: 'failed'; id: number; message: string }
