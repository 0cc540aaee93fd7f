import { afterEach, expect, test } from 'vitest'
import { makeCharge } from '../../../shared/analysis/testFixtures'
import { createMemoryWorkspace } from '../../test/renderWithWorkspace'
import { importRecords, seedWorkspace } from '../../test/portfolioTestData'
import { answer } from './analysisAnswers'
import type { AnalysisQuestion, FromAnalysisWorker, ToAnalysisWorker } from './analysisProtocol'
import { serveAnalysis, type AnalysisPort } from './analysisServer'
import { connect, type AnalysisWorkerLike } from './analysisService'

const channels: MessageChannel[] = []
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
})

/** The analysis server on one end of a MessageChannel, the window's side on the other: messages are cloned as between threads. */
function workerOverChannel(): AnalysisWorkerLike {
  const channel = new MessageChannel()
  channels.push(channel)
  const { port1: window, port2: worker } = channel
  serveAnalysis(worker as unknown as AnalysisPort)
  worker.start()
  window.start()
  return {
    postMessage: (message: ToAnalysisWorker, transfer: Transferable[] = []) => window.postMessage(message, transfer),
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
  const service = connect(workerOverChannel(), workspace)
  const fromWorker = await service.ask(overview)
  expect(fromWorker).toEqual(answer(workspace, overview))
  expect(fromWorker.summaries.map((summary) => summary.portfolio.name)).toEqual(['Incident triage', 'Web work'])
  const [batch] = workspace.ledger.list().records.filter((meta) => meta.kind === 'charges')
  expect(await service.ask({ type: 'batch-months', batchId: batch.id })).toEqual([{ month: '2026-07', totals: { USD: '60' } }])
})

test('a change made after the worker started is in the next answer', async () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const service = connect(workerOverChannel(), workspace)
  const before = await service.ask(overview)
  importRecords(workspace, [], [makeCharge({ identity: 'inv-2', provider: 'anthropic', start: '2026-08-03T00:00:00.000Z', cost: '40' })])
  const after = await service.ask(overview)
  expect(after).toEqual(answer(workspace, overview))
  expect(after.headline).not.toEqual(before.headline)
  expect(after.report.unassigned.charges).toBe(before.report.unassigned.charges + 1)
})
