import * as Y from 'yjs'
import type { WorkspaceStorage } from '../openLocalWorkspace'
import { StoredDoc } from '../storedDoc'
import type { AnalysedWorkspace } from './analysisVersion'
import { loadAnswersHere } from './answersHere'
import type { AnalysisAnswers, AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import { analysisFingerprint, answerKey, indexedDbAnswerStore, storedFingerprint, type AnswerStore } from './answerStore'

export interface AnalysisService {
  ask<Q extends AnalysisQuestion>(question: Q): Promise<AnalysisAnswers[Q['type']]>
  /** Resolves once the answers kept on the device for the questions asked so far have been looked up. */
  keptAnswersLookedUp(): Promise<void>
}

interface Pending {
  question: AnalysisQuestion
  resolve(answer: unknown): void
  reject(error: Error): void
}

const services = new WeakMap<AnalysedWorkspace, AnalysisService | null>()

/**
 * The workspace's analysis worker, started with the first call (the window starts it as it
 * opens the workspace) and kept while the workspace is open; null where the platform has no
 * workers (unit tests), where the views answer on the window's thread. `answerStore`: where
 * answers are kept on the device (answerStore.ts), opened here unless given.
 */
export function analysisServiceFor(workspace: AnalysedWorkspace, answerStore?: AnswerStore | null): AnalysisService | null {
  if (!services.has(workspace)) services.set(workspace, startWorker(workspace, answerStore))
  return services.get(workspace)!
}

function startWorker(workspace: AnalysedWorkspace, answerStore: AnswerStore | null | undefined): AnalysisService | null {
  if (typeof Worker === 'undefined') return null
  try {
    const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module', name: 'workfolio-analysis' })
    // The built bundle is named by a hash of the app's code: answers kept by another version are not used.
    return connect(worker, workspace, import.meta.url, answerStore === undefined ? indexedDbAnswerStore() : answerStore)
  } catch {
    return null
  }
}

/** The window's side of a worker running analysisServer.ts (a MessageChannel's end in tests). */
export interface AnalysisWorkerLike {
  postMessage(message: ToAnalysisWorker, transfer?: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<FromAnalysisWorker>) => void): void
  addEventListener(type: 'error', listener: () => void): void
  terminate(): void
}

/**
 * `answerStore`: answers kept on the device (answerStore.ts); one kept for the very state the
 * workspace's stores hold answers at once, before the worker has even started, and before the
 * window has loaded its ledger. Looked up here only until the worker's first answer: from then
 * on the worker has read the stores and looks kept answers up itself.
 */
export function connect(worker: AnalysisWorkerLike, workspace: AnalysedWorkspace, codeVersion: string, answerStore: AnswerStore | null = null): AnalysisService {
  const pending = new Map<number, Pending>()
  let nextId = 1
  let stopped = false
  let workerAnswered = false
  const lookups = new Set<Promise<unknown>>()
  // Posting an update copies it (100 MB for a million-row batch): each message goes out in a
  // task of its own, in order, so the window's task that stored the batch does not also copy it.
  const outbox: { message: ToAnalysisWorker; transfer: Transferable[] }[] = []
  const postNext = () => {
    const next = outbox.shift()
    if (next && !stopped) worker.postMessage(next.message, next.transfer)
    if (outbox.length > 0) setTimeout(postNext)
  }
  const send = (message: ToAnalysisWorker, transfer: Transferable[] = []) => {
    outbox.push({ message, transfer })
    if (outbox.length === 1) setTimeout(postNext)
  }

  const storage = workspace.storage ?? null
  // What the stores hold, for a kept answer (over the window's own connections to them where it
  // has some): read at once as the window opens, for the kept answers of its first questions,
  // which then wait for one read; read again for each question once this window has changed them.
  const storedNow = (stores: WorkspaceStorage) =>
    workspace.storedStates
      ? workspace.storedStates().then((states) => analysisFingerprint(states, codeVersion, new Date()))
      : storedFingerprint(stores, codeVersion, new Date())
  let storedAtOpen = storage && answerStore ? storedNow(storage) : null
  storedAtOpen?.catch(() => undefined)
  const docs = { governance: workspace.governance.doc, ledger: workspace.ledger.doc }
  send({ type: 'open', storage, codeVersion })
  for (const [name, doc] of Object.entries(docs) as ['governance' | 'ledger', Y.Doc][]) {
    if (storage) {
      // The worker reads a workspace in IndexedDB itself: told only that a change was stored
      // (once per run of changes: it reads them all), not of what the window loads from there.
      // Told after each transaction, not by its update: the window's store spares Yjs encoding
      // the updates it loads or is given as made (a payload's parts) when nothing else listens.
      // Told once the transaction's update is being stored (the store writes it after this
      // listener, in the same task), so that the worker's read comes after the write.
      doc.on('afterTransaction', ({ origin, beforeState, afterState, deleteSet }: Y.Transaction) => {
        if (stopped || origin instanceof StoredDoc || !changedDocument(beforeState, afterState, deleteSet)) return
        storedAtOpen = null
        queueMicrotask(() => {
          if (outbox.at(-1)?.message.type !== 'changed') send({ type: 'changed' })
        })
      })
      continue
    }
    // One in memory is sent whole (a fresh copy: transferred), then each update as the
    // documents emit it (shared with sync: copied).
    const state = Y.encodeStateAsUpdate(doc)
    send({ type: 'update', doc: name, update: state }, [state.buffer])
    doc.on('update', (update: Uint8Array) => {
      if (!stopped) send({ type: 'update', doc: name, update })
    })
  }

  /** Answered here when the worker cannot run (a blocked script): slower, never wrong or stuck. */
  const answerHere = (job: Pending) =>
    loadAnswersHere().then((answer) => {
      try {
        job.resolve(answer(workspace, job.question))
      } catch (error) {
        job.reject(error as Error)
      }
    }, job.reject)
  worker.addEventListener('message', (event: MessageEvent<FromAnalysisWorker>) => {
    const message = event.data
    const job = pending.get(message.id)
    pending.delete(message.id)
    if (message.type === 'answer') {
      workerAnswered = true
      job?.resolve(message.answer)
    } else job?.reject(new Error(message.message))
  })
  worker.addEventListener('error', () => {
    stopped = true
    worker.terminate()
    for (const job of pending.values()) answerHere(job)
    pending.clear()
  })
  workspace.ledger.doc.on('destroy', () => {
    stopped = true
    worker.terminate()
  })

  return {
    ask<Q extends AnalysisQuestion>(question: Q) {
      return new Promise<AnalysisAnswers[Q['type']]>((resolve, reject) => {
        const job: Pending = { question, resolve: resolve as (answer: unknown) => void, reject }
        if (stopped) return void answerHere(job)
        const id = nextId++
        pending.set(id, job)
        send({ type: 'ask', id, question })
        if (storage && answerStore && !workerAnswered) {
          const lookup = Promise.all([answerStore.read(answerKey(storage.ledger, JSON.stringify(question))), storedAtOpen ?? storedNow(storage)]).then(
            ([kept, stored]) => stored !== null && kept?.fingerprint === stored && job.resolve(kept.answer),
            () => undefined,
          )
          lookups.add(lookup)
          void lookup.then(() => lookups.delete(lookup))
        }
      })
    },
    keptAnswersLookedUp: () => Promise.all([...lookups]).then(() => undefined),
  }
}

/** Whether a transaction added or deleted items: what Yjs emits an update for. */
function changedDocument(before: Map<number, number>, after: Map<number, number>, deleted: Y.Transaction['deleteSet']): boolean {
  if (deleted.clients.size > 0) return true
  for (const [client, clock] of after) if (before.get(client) !== clock) return true
  return false
}
