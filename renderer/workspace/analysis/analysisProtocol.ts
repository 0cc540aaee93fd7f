/**
 * Messages between the window and the analysis worker, which keeps a copy of the workspace's
 * two documents and answers what the views over a large ledger draw, so the window never
 * decodes or walks a million charges (the way Actual Budget keeps its core in a worker).
 *
 * The window first says which workspace it is (`open`): one kept in IndexedDB the worker reads
 * from there itself, and the window only says when it has stored a change (`changed`); for one
 * in memory only, the window sends the whole state next, then every change to either document
 * as the Yjs update it already is, in order. Either way a question asked after an import is
 * answered with it.
 */
import type { WorkspaceStorage } from '../openLocalWorkspace'
import type { BatchMonth } from './batchTotals'
import type { OverviewModel, OverviewRequest } from './overviewModel'

export type AnalysisQuestion = { type: 'overview'; request: OverviewRequest } | { type: 'batch-months'; batchId: string }

export interface AnalysisAnswers {
  overview: OverviewModel
  'batch-months': BatchMonth[]
}

export type ToAnalysisWorker =
  /** `codeVersion`: what the answers kept on the device were computed by (answerStore.ts). */
  | { type: 'open'; storage: WorkspaceStorage | null; codeVersion: string }
  | { type: 'update'; doc: 'governance' | 'ledger'; update: Uint8Array }
  | { type: 'changed' }
  | { type: 'ask'; id: number; question: AnalysisQuestion }

export type AnalysisAnswer = AnalysisAnswers[AnalysisQuestion['type']]

export type FromAnalysisWorker = { type: 'answer'; id: number; answer: AnalysisAnswer } | { type: 'failed'; id: number; message: string }
