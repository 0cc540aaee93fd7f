import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { Ledger } from '../../../shared/workspace/ledger'
import { makeCharge } from '../../../test/support/analysisFixtures'
import { createBatch } from '../../../shared/batches/batch'
import { createMemoryWorkspace } from '../../test/renderWithWorkspace'
import { importRecords, seedWorkspace } from '../../test/portfolioTestData'
import { answer } from './analysisAnswers'
import type { AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import { serveAnalysis, type AnalysisPort } from './analysisServer'
import { connect, type AnalysisWorkerLike } from './analysisService'
import { answerKey, indexedDbAnswerStore } from './answerStore'
import { openLocalWorkspace, type Workspace } from '../openLocalWorkspace'
import type { OverviewModel } from './overviewModel'

const channels: MessageChannel[] = []
const opened: Workspace[] = []
afterEach(async () => {
  for (const channel of channels.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
  for (const workspace of opened.splice(0)) await workspace.destroy()
})

/** A workspace as the app opens it: its documents in (fake) IndexedDB. */
async function openStored(id: string): Promise<Workspace> {
  const workspace = await openLocalWorkspace(id)
  opened.push(workspace)
  return workspace
}

/** The analysis server on one end of a MessageChannel, the window's side on the other: messages are cloned as between threads. */
function workerOverChannel(sent: ToAnalysisWorker['type'][] = []): AnalysisWorkerLike {
  const channel = new MessageChannel()
  channels.push(channel)
  const { port1: window, port2: worker } = channel
  serveAnalysis(worker as unknown as AnalysisPort)
  worker.start()
  window.start()
  return {
    postMessage: (message: ToAnalysisWorker, transfer: Transferable[] = []) => {
      sent.push(message.type)
      window.postMessage(message, transfer)
    },
    addEventListener: (type: 'message' | 'error', listener: (event: MessageEvent<FromAnalysisWorker>) => void) => {
      if (type === 'message') window.addEventListener('message', listener as EventListener)
    },
    terminate: () => window.close(),
  }
}

const overview: AnalysisQuestion = { type: 'overview', request: { periodKey: '2026-Q3', todaysDefinitions: false } }

test('the worker answers what the window would compute, from its copy of the workspace', async () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const service = connect(workerOverChannel(), workspace, 'test')
  const fromWorker = await service.ask(overview)
  expect(fromWorker).toEqual(answer(workspace, overview))
  expect(fromWorker.summaries.map((summary) => summary.portfolio.name)).toEqual(['Incident triage', 'Web work'])
  const [batch] = workspace.ledger.list().records.filter((meta) => meta.kind === 'charges')
  expect(await service.ask({ type: 'batch-months', batchId: batch.id })).toEqual([{ month: '2026-07', totals: { USD: '60' } }])
})

test('a change made after the worker started is in the next answer', async () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const service = connect(workerOverChannel(), workspace, 'test')
  const before = await service.ask(overview)
  importRecords(workspace, [], [makeCharge({ identity: 'inv-2', provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: '40' })])
  const after = await service.ask(overview)
  expect(after).toEqual(answer(workspace, overview))
  expect(after.headline).not.toEqual(before.headline)
  expect(after.report.unassigned.charges).toBe(before.report.unassigned.charges + 1)
})

test('the worker reads a workspace kept in IndexedDB itself (the window only says when it stored a change), and answers with later changes', async () => {
  const workspace = await openStored('analysis-reads-storage')
  seedWorkspace(workspace)
  const sent: ToAnalysisWorker['type'][] = []
  const service = connect(workerOverChannel(sent), workspace, 'v1')
  expect(await service.ask(overview)).toEqual(answer(workspace, overview))
  expect(sent).toEqual(['open', 'ask'])
  importRecords(workspace, [], [makeCharge({ identity: 'inv-2', provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: '40' })])
  expect(await service.ask(overview)).toEqual(answer(workspace, overview))
  expect(sent.filter((type) => type === 'update')).toEqual([])
  expect(sent).toContain('changed')
})

test("a batch whose parts the window's store is given as made (an import's) reaches the worker, which reads the parts once an answer reads its rows", async () => {
  const workspace = await openStored('analysis-given-parts')
  seedWorkspace(workspace)
  const sent: ToAnalysisWorker['type'][] = []
  const service = connect(workerOverChannel(sent), workspace, 'v1')
  const before = await service.ask(overview)
  const charges = Array.from({ length: 30 }, (_, i) => makeCharge({ identity: `big-${i}`, provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: '2' }))
  const batch = createBatch({ kind: 'charges', format: 'test-billing', records: charges, fileNames: ['big.csv'], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-10-02T00:00:00.000Z' })
  expect(await workspace.ledger.addInParts(batch, Math.ceil(batch.payload.length / 4), async () => {}, workspace.ledgerStore)).toBe('added')
  const after = await service.ask(overview)
  expect(after).toEqual(answer(workspace, overview))
  expect(after.report.unassigned.charges).toBe(before.report.unassigned.charges + 30)
  expect(sent.filter((type) => type === 'update')).toEqual([])
})

test('an answer kept on the device is given in a fresh window for the very same workspace only', async () => {
  const id = 'analysis-kept-answers'
  const store = indexedDbAnswerStore()!
  const key = answerKey(`${id}/ledger`, JSON.stringify(overview))
  const first = await openStored(id)
  seedWorkspace(first)
  const computed = await connect(workerOverChannel(), first, 'v1', store).ask(overview)
  await vi.waitFor(async () => expect((await store.read(key))?.answer).toEqual(computed))
  // Marked, to tell a kept answer from a computed one.
  const marked: OverviewModel = { ...computed, unassignedGroups: [{ repo: 'kept answer', runs: 1, estimatedUSD: '0' }] }
  const mark = async () => store.write(key, { ...(await store.read(key))!, answer: marked })
  await mark()

  // A window that has not loaded its documents yet (they are empty here) is given the kept answer for what is stored.
  const notLoaded = { governance: new Governance(new Y.Doc()), ledger: new Ledger(new Y.Doc()), storage: first.storage }
  expect(await connect(workerOverChannel(), notLoaded, 'v1', store).ask(overview)).toEqual(marked)

  const fresh = await openStored(id)
  await fresh.ledgerLoaded
  expect(await connect(workerOverChannel(), fresh, 'v1', store).ask(overview)).toEqual(marked)
  // Removing a batch adds nothing to the documents, it only deletes: the kept answer is not for this state.
  const [charges] = fresh.ledger.list().records.filter((meta) => meta.kind === 'charges')
  fresh.ledger.remove(charges.id)
  const afterRemoval = await connect(workerOverChannel(), fresh, 'v1', store).ask(overview)
  expect(afterRemoval).toEqual(answer(fresh, overview))
  expect(afterRemoval.report.unassigned.charges).toBe(computed.report.unassigned.charges - 1)
  // Nor is an answer kept by another version of the app.
  await vi.waitFor(async () => expect((await store.read(key))?.answer).toEqual(afterRemoval))
  await mark()
  expect(await connect(workerOverChannel(), fresh, 'v2', store).ask(overview)).toEqual(afterRemoval)
  // Without a kept answer the worker computes it from the stores, not from the window's documents.
  expect(await connect(workerOverChannel(), notLoaded, 'v3', store).ask(overview)).toEqual(afterRemoval)
})

test('the window looks a kept answer up only until the worker has answered once', async () => {
  const workspace = await openStored('analysis-kept-until-worker')
  seedWorkspace(workspace)
  const store = indexedDbAnswerStore()!
  const read = vi.fn(store.read)
  const service = connect(workerOverChannel(), workspace, 'v1', { read, write: store.write })
  expect(await service.ask(overview)).toEqual(answer(workspace, overview))
  expect(read).toHaveBeenCalledTimes(1)
  await service.ask({ ...overview, request: { ...overview.request, periodKey: '2026-Q2' } })
  expect(read).toHaveBeenCalledTimes(1)
})

test('the window can wait for the kept answers of the questions asked so far to be looked up (a new window loads its ledger after)', async () => {
  const workspace = await openStored('analysis-kept-looked-up')
  seedWorkspace(workspace)
  const store = indexedDbAnswerStore()!
  let readDone!: () => void
  const reading = new Promise<void>((resolve) => (readDone = resolve))
  const service = connect(workerOverChannel(), workspace, 'v1', { read: async (key) => (await reading, store.read(key)), write: store.write })
  await service.keptAnswersLookedUp()
  const answered = service.ask(overview)
  let lookedUp = false
  void service.keptAnswersLookedUp().then(() => (lookedUp = true))
  expect(await answered).toEqual(answer(workspace, overview))
  expect(lookedUp).toBe(false)
  readDone()
  await vi.waitFor(() => expect(lookedUp).toBe(true))
})
