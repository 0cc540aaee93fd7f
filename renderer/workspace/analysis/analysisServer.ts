/**
 * The analysis worker's side: a copy of the workspace's documents, kept current by the
 * window's updates, and the answers the views ask for (analysisProtocol.ts).
 */
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { Ledger } from '../../../shared/workspace/ledger'
import { analysisVersion } from './analysisCache'
import { answer } from './analysisAnswers'
import type { AnalysisAnswer, AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import type { OverviewRequest } from './overviewModel'

/** How long the documents stay unchanged before the Overview is computed ahead of being asked. */
const SETTLE_MS = 50

/** The worker scope, or one end of a MessageChannel in tests. */
export interface AnalysisPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToAnalysisWorker>) => void): void
  postMessage(message: FromAnalysisWorker): void
}

export function serveAnalysis(port: AnalysisPort): void {
  const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
  const workspace = { governance: new Governance(docs.governance), ledger: new Ledger(docs.ledger) }

  /** Answers given since the workspace last changed: asking again (a view opened twice) costs nothing. */
  const answers = new Map<string, AnalysisAnswer>()
  let answersVersion = -1
  /** The Overview last asked for, computed again after each change so it is ready when opened. */
  let overviewAsked: OverviewRequest = { periodKey: null, todaysDefinitions: false }
  let settling: ReturnType<typeof setTimeout> | undefined

  const cachedAnswer = (question: AnalysisQuestion): AnalysisAnswer => {
    const version = analysisVersion(workspace)
    if (version !== answersVersion) {
      answers.clear()
      answersVersion = version
    }
    const key = JSON.stringify(question)
    const known = answers.get(key)
    if (known) return known
    const computed = answer(workspace, question)
    answers.set(key, computed)
    return computed
  }

  const computeAhead = () => {
    try {
      cachedAnswer({ type: 'overview', request: overviewAsked })
    } catch {
      // Reported when the Overview asks.
    }
  }

  port.addEventListener('message', (event: MessageEvent<ToAnalysisWorker>) => {
    const message = event.data
    if (message.type === 'update') {
      Y.applyUpdate(docs[message.doc], message.update)
      clearTimeout(settling)
      settling = setTimeout(computeAhead, SETTLE_MS)
      return
    }
    const { id, question } = message
    if (question.type === 'overview') overviewAsked = question.request
    try {
      port.postMessage({ type: 'answer', id, answer: cachedAnswer(question) })
    } catch (error) {
      port.postMessage({ type: 'failed', id, message: (error as Error).message || String(error) })
    }
  })
}
