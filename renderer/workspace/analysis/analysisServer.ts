/**
 * The analysis worker's side: a copy of the workspace's documents, read from IndexedDB when an
 * answer has to be computed (or, for a workspace in memory, sent by the window), and the
 * answers the views ask for (analysisProtocol.ts).
 */
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { Ledger } from '../../../shared/workspace/ledger'
import type { WorkspaceStorage } from '../openLocalWorkspace'
import { analysisVersion } from './analysisVersion'
import { answer } from './analysisAnswers'
import type { AnalysisAnswer, AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import { analysisFingerprint, answerKey, indexedDbAnswerStore, storedFingerprint, type AnswerStore } from './answerStore'
import type { OverviewRequest } from './overviewModel'
import { StoreMirror } from './storeMirror'
import { UnreadParts } from './unreadParts'
import { PayloadPartsUnread } from '../../../shared/workspace/payloadParts'

/** How long the documents stay unchanged before the Overview is computed ahead of being asked. */
const SETTLE_MS = 50

/** The worker scope, or one end of a MessageChannel in tests. */
export interface AnalysisPort {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToAnalysisWorker>) => void): void
  postMessage(message: FromAnalysisWorker): void
}

export function serveAnalysis(port: AnalysisPort, answerStore: AnswerStore | null = indexedDbAnswerStore()): void {
  const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
  const unreadParts = new UnreadParts()
  const workspace = { governance: new Governance(docs.governance), ledger: new Ledger(docs.ledger, unreadParts) }
  let opened: { storage: WorkspaceStorage | null; codeVersion: string } = { storage: null, codeVersion: '' }
  let mirrors: StoreMirror[] = []

  /** Answers given for the state they were computed from (`answersState`): asking again (a view opened twice) costs nothing. */
  const answers = new Map<string, AnalysisAnswer>()
  let answersState: string | null = null
  /** The Overview last asked for, computed again after each change so it is ready when opened. */
  let overviewAsked: OverviewRequest = { periodKey: null, todaysDefinitions: false }
  let settling: ReturnType<typeof setTimeout> | undefined

  // Messages are handled one after another, each after the previous one's reads of IndexedDB.
  let handled: Promise<unknown> = Promise.resolve()
  const inTurn = (step: () => unknown) => {
    handled = handled.then(step).catch(() => undefined)
  }

  /** The copy brought up to what is stored; what it then holds (null: a state not to keep answers for). */
  const catchUp = async () => {
    try {
      const [governance, ledger] = await Promise.all(mirrors.map((mirror) => mirror.catchUp()))
      return analysisFingerprint({ governance, ledger }, opened.codeVersion, new Date())
    } catch (error) {
      throw new Error(`the analysis could not read the workspace: ${(error as Error)?.message ?? String(error)}`)
    }
  }
  const remembered = (state: string, key: string) => {
    if (state !== answersState) {
      answers.clear()
      answersState = state
    }
    return answers.get(key)
  }

  /**
   * An answer for the workspace as stored now: given already, kept on the device for this very
   * state (found without reading the documents), or computed over the documents brought up to
   * the store (and kept). A workspace in memory: given already for the copy's version, or computed.
   */
  const cachedAnswer = async (question: AnalysisQuestion): Promise<AnalysisAnswer> => {
    const key = JSON.stringify(question)
    if (!opened.storage) {
      const version = `memory ${analysisVersion(workspace)}`
      const computed = remembered(version, key) ?? answer(workspace, question)
      answers.set(key, computed)
      return computed
    }
    const ledgerStore = opened.storage.ledger
    const storedNow = await storedFingerprint(opened.storage, opened.codeVersion, new Date())
    const known = storedNow && remembered(storedNow, key)
    if (known) return known
    const kept = storedNow && answerStore ? await answerStore.read(answerKey(ledgerStore, key)).catch(() => undefined) : undefined
    if (storedNow && kept?.fingerprint === storedNow) {
      answers.set(key, kept.answer)
      return kept.answer
    }
    const state = await catchUp()
    const computed = await answerReadingParts(question)
    if (state === null) return computed
    remembered(state, key)
    answers.set(key, computed)
    if (answerStore) void answerStore.write(answerKey(ledgerStore, key), { fingerprint: state, answer: computed }).catch(() => undefined)
    return computed
  }

  /** The answer; when it reads rows of a batch whose parts were stood in for, once they are read. */
  const answerReadingParts = async (question: AnalysisQuestion): Promise<AnalysisAnswer> => {
    try {
      return answer(workspace, question)
    } catch (error) {
      if (!(error instanceof PayloadPartsUnread)) throw error
      await Promise.all(mirrors.map((mirror) => mirror.readParts()))
      return answer(workspace, question)
    }
  }

  const computeAhead = async () => {
    try {
      await cachedAnswer({ type: 'overview', request: overviewAsked })
    } catch {
      // Reported when the Overview asks.
    }
  }
  const scheduleComputeAhead = () => {
    clearTimeout(settling)
    settling = setTimeout(() => inTurn(computeAhead), SETTLE_MS)
  }

  const open = (storage: WorkspaceStorage | null, codeVersion: string) => {
    opened = { storage, codeVersion }
    if (storage) mirrors = [new StoreMirror(storage.governance, docs.governance), new StoreMirror(storage.ledger, docs.ledger, unreadParts)]
    scheduleComputeAhead()
  }

  const reply = async (id: number, question: AnalysisQuestion) => {
    if (question.type === 'overview') overviewAsked = question.request
    try {
      port.postMessage({ type: 'answer', id, answer: await cachedAnswer(question) })
    } catch (error) {
      port.postMessage({ type: 'failed', id, message: (error as Error).message || String(error) })
    }
  }

  port.addEventListener('message', (event: MessageEvent<ToAnalysisWorker>) => {
    const message = event.data
    if (message.type === 'open') return inTurn(() => open(message.storage, message.codeVersion))
    if (message.type === 'ask') return inTurn(() => reply(message.id, message.question))
    if (message.type === 'update') inTurn(() => Y.applyUpdate(docs[message.doc], message.update))
    // The copy follows the store as the window changes it (an import's parts as they are
    // written). A window that only reads (opened on an answer kept for what is stored) sends
    // no such message, and its copy is read only if an answer has to be computed.
    else inTurn(catchUp)
    scheduleComputeAhead()
  })
}
