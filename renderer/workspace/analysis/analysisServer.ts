/**
 * The analysis worker's side: a copy of the workspace's documents, read from IndexedDB and kept
 * current by the window's updates, and the answers the views ask for (analysisProtocol.ts).
 */
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { Ledger } from '../../../shared/workspace/ledger'
import type { WorkspaceStorage } from '../openLocalWorkspace'
import { analysisVersion } from './analysisCache'
import { answer } from './analysisAnswers'
import type { AnalysisAnswer, AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import { analysisFingerprint, answerKey, indexedDbAnswerStore, type AnswerStore } from './answerStore'
import type { OverviewRequest } from './overviewModel'
import { readStoredUpdates } from './storedUpdates'

/** How long the documents stay unchanged before the Overview is computed ahead of being asked. */
const SETTLE_MS = 50

/** The worker scope, or one end of a MessageChannel in tests. */
export interface AnalysisPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToAnalysisWorker>) => void): void
  postMessage(message: FromAnalysisWorker): void
}

export function serveAnalysis(port: AnalysisPort, answerStore: AnswerStore | null = indexedDbAnswerStore()): void {
  const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
  const workspace = { governance: new Governance(docs.governance), ledger: new Ledger(docs.ledger) }
  let opened: { storage: WorkspaceStorage | null; codeVersion: string } = { storage: null, codeVersion: '' }

  /** Answers given since the workspace last changed: asking again (a view opened twice) costs nothing. */
  const answers = new Map<string, AnalysisAnswer>()
  let answersVersion = -1
  /** The Overview last asked for, computed again after each change so it is ready when opened. */
  let overviewAsked: OverviewRequest = { periodKey: null, todaysDefinitions: false }
  let settling: ReturnType<typeof setTimeout> | undefined

  // Messages are handled one after another, each after the previous one's reads of IndexedDB.
  let handled: Promise<unknown> = Promise.resolve()
  const inTurn = (step: () => unknown) => {
    handled = handled.then(step).catch(() => undefined)
  }

  /** An answer: given already since the last change, kept on the device for this very state, or computed (and kept). */
  const cachedAnswer = async (question: AnalysisQuestion): Promise<AnalysisAnswer> => {
    const version = analysisVersion(workspace)
    if (version !== answersVersion) {
      answers.clear()
      answersVersion = version
    }
    const key = JSON.stringify(question)
    const known = answers.get(key)
    if (known) return known
    const stored = opened.storage && answerStore ? { key: answerKey(opened.storage.ledger, key), fingerprint: analysisFingerprint(docs, opened.codeVersion, new Date()) } : null
    const kept = stored && (await answerStore!.read(stored.key).catch(() => undefined))
    const computed = kept?.fingerprint === stored?.fingerprint && kept ? kept.answer : answer(workspace, question)
    answers.set(key, computed)
    if (stored && computed !== kept?.answer) void answerStore!.write(stored.key, { fingerprint: stored.fingerprint, answer: computed }).catch(() => undefined)
    return computed
  }

  const computeAhead = async () => {
    try {
      if (!unreadable) await cachedAnswer({ type: 'overview', request: overviewAsked })
    } catch {
      // Reported when the Overview asks.
    }
  }
  const scheduleComputeAhead = () => {
    clearTimeout(settling)
    settling = setTimeout(() => inTurn(computeAhead), SETTLE_MS)
  }

  /** Set when the workspace could not be read: every question fails with it rather than be answered from nothing. */
  let unreadable: Error | null = null

  const open = async (storage: WorkspaceStorage | null, codeVersion: string) => {
    opened = { storage, codeVersion }
    if (!storage) return
    try {
      for (const name of ['governance', 'ledger'] as const) {
        const updates = await readStoredUpdates(storage[name])
        Y.transact(docs[name], () => updates.forEach((update) => Y.applyUpdate(docs[name], update)))
      }
    } catch (error) {
      unreadable = new Error(`the analysis could not read the workspace: ${(error as Error)?.message ?? String(error)}`)
    }
    scheduleComputeAhead()
  }

  const reply = async (id: number, question: AnalysisQuestion) => {
    if (question.type === 'overview') overviewAsked = question.request
    try {
      if (unreadable) throw unreadable
      port.postMessage({ type: 'answer', id, answer: await cachedAnswer(question) })
    } catch (error) {
      port.postMessage({ type: 'failed', id, message: (error as Error).message || String(error) })
    }
  }

  port.addEventListener('message', (event: MessageEvent<ToAnalysisWorker>) => {
    const message = event.data
    if (message.type === 'open') return inTurn(() => open(message.storage, message.codeVersion))
    if (message.type === 'ask') return inTurn(() => reply(message.id, message.question))
    inTurn(() => Y.applyUpdate(docs[message.doc], message.update))
    scheduleComputeAhead()
  })
}
