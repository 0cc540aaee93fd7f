import { expect, test } from 'vitest'
import anthropicCsv from '../../../test/fixtures/billing/anthropic-cost-2026-08.csv?raw'
import { createWorkerEngine, isCancelled, type WorkerLike } from './importEngine'
import { serveImportJobs } from './importWorker'
import type { ImportSource } from './sources'
import type { BillingAnalysis, ImportOutcome } from '../../../shared/importers/jobs/jobTypes'
import type { WorkerRequest, WorkerResponse } from './workerProtocol'

/** The view's side and the worker's side joined by an asynchronous in-memory channel. */
function connected() {
  const toWorker: ((event: MessageEvent<WorkerRequest>) => void)[] = []
  const toView: ((event: MessageEvent<WorkerResponse>) => void)[] = []
  const sent: WorkerResponse['type'][] = []
  const worker: WorkerLike = {
    postMessage: (message) => setTimeout(() => toWorker.forEach((listener) => listener({ data: message } as MessageEvent<WorkerRequest>))),
    addEventListener: ((type: string, listener: (event: MessageEvent<WorkerResponse>) => void) => {
      if (type === 'message') toView.push(listener)
    }) as WorkerLike['addEventListener'],
    terminate() {},
  }
  serveImportJobs({
    addEventListener: (_type, listener) => toWorker.push(listener),
    postMessage: (message) => {
      sent.push(message.type)
      setTimeout(() => toView.forEach((listener) => listener({ data: message } as MessageEvent<WorkerResponse>)))
    },
  })
  return { engine: createWorkerEngine(worker), sent }
}

function chunked(text: string, size: number): ImportSource & { opened: number; closed: number } {
  const bytes = new TextEncoder().encode(text)
  const source = {
    name: 'cost.csv',
    relativePath: 'exports/cost.csv',
    size: bytes.length,
    opened: 0,
    closed: 0,
    async *stream() {
      source.opened++
      try {
        for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size)
      } finally {
        source.closed++
      }
    },
  }
  return source
}

const options = { profiles: [], attribution: false, pseudonymSalt: 'salt' }

test('the worker pulls a Bridge stream chunk by chunk, releases it after a preview, and reads it again to import', async () => {
  const { engine, sent } = connected()
  const source = chunked(anthropicCsv, 50)
  const analysis = await engine.run<BillingAnalysis>({ kind: 'analyze-billing', options }, [source]).result
  expect(analysis).toMatchObject({ detection: 'format', format: 'anthropic-console-cost', file: 'exports/cost.csv' })
  expect(analysis.charges[0]).toMatchObject({ cost: '7.77', currency: 'USD', start: '2026-08-05T00:00:00.000Z' })

  const progress: number[] = []
  const outcome = await engine.run<ImportOutcome>({ kind: 'import-billing', options: { ...options, format: 'anthropic-console-cost' }, importedAt: '2026-11-29T10:00:00.000Z' }, [source], (p) => progress.push(p.bytes)).result
  expect(outcome.summary).toMatchObject({ status: 'ok', errorCount: 0, files: ['exports/cost.csv'] })
  expect(outcome.batch?.meta).toMatchObject({ kind: 'charges', importedAt: '2026-11-29T10:00:00.000Z', fileNames: ['exports/cost.csv'] })
  expect(outcome.batch?.payload).toBeInstanceOf(Uint8Array)
  expect(progress.at(-1)).toBe(source.size)
  expect(source.opened).toBe(2)
  expect(source.closed).toBe(2)
  expect(sent.filter((type) => type === 'pull').length).toBeGreaterThan(5)
})

test('a cancelled job stops and says so', async () => {
  const { engine } = connected()
  const big = 'usage_date_utc,model,workspace,api_key,usage_type,token_type,cost_usd\n' + '2026-08-01,Claude Sonnet 4.5,Default,k1,message,output,1.00\n'.repeat(5000)
  const job = engine.run({ kind: 'import-billing', options, importedAt: '2026-11-29T10:00:00.000Z' }, [chunked(big, 64)])
  job.cancel()
  await expect(job.result).rejects.toSatisfy(isCancelled)
})
