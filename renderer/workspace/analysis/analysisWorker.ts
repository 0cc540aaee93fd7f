/// <reference lib="webworker" />
/**
 * The analysis worker: a copy of the workspace's documents, kept current by the window's
 * updates, and the answers the views ask for (analysisProtocol.ts).
 */
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { Ledger } from '../../../shared/workspace/ledger'
import { answer } from './analysisAnswers'
import type { FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'

declare const self: DedicatedWorkerGlobalScope

const docs = { governance: new Y.Doc(), ledger: new Y.Doc() }
const workspace = { governance: new Governance(docs.governance), ledger: new Ledger(docs.ledger) }
const reply = (message: FromAnalysisWorker) => self.postMessage(message)

self.addEventListener('message', (event: MessageEvent<ToAnalysisWorker>) => {
  const message = event.data
  if (message.type === 'update') {
    Y.applyUpdate(docs[message.doc], message.update)
    return
  }
  try {
    reply({ type: 'answer', id: message.id, answer: answer(workspace, message.question) })
  } catch (error) {
    reply({ type: 'failed', id: message.id, message: (error as Error).message || String(error) })
  }
})
