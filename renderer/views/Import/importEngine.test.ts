import { Blob as NodeBlob } from 'node:buffer'
import { afterEach, expect, test, vi } from 'vitest'
import anthropicCsv from '../../../test/fixtures/billing/anthropic-cost-2026-08.csv?raw'
import { createWorkerEngine, isCancelled, type WorkerLike } from './importEngine'
import { serveImportJobs } from './importWorker'
import { type ImportSource, readBlob } from './sources'
import type { BillingAnalysis, ImportOutcome } from '../../../shared/importers/jobs/jobTypes'
import type { WorkerRequest, WorkerResponse } from './workerProtocol'
import { type PartPort, serveBillingPart } from './billingPartWorker'
import type { PartWorker } from './blobSecondPart'

/** The view's side and the worker's side joined by an asynchronous in-memory channel; with `startPartWorker`, a big picked file is read on two workers. */
function connected(startPartWorker?: () => PartWorker) {
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
  serveImportJobs(
    {
      addEventListener: (_type, listener) => toWorker.push(listener),
      postMessage: (message) => {
        sent.push(message.type)
        setTimeout(() => toView.forEach((listener) => listener({ data: message } as MessageEvent<WorkerResponse>)))
      },
    },
    startPartWorker,
  )
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

const HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status'

/** A 9.8 MB picked export: past the size the import worker reads on two workers. */
function bigPickedFile(): ImportSource {
  const lines = [HEADER]
  for (let i = 0; i < 80_000; i++) {
    const cost = ((i % 997) + 0.25).toFixed(2)
    lines.push(`2026-08-${String(1 + (i % 28)).padStart(2, '0')},Claude Sonnet 4.6,"Default, team",key ${i},message,≤ 200k,output,${cost},${cost},token,global,,apikey_${i},active`)
  }
  // Node's Blob: what a message port clones (the test environment's DOM Blob is not).
  const file = new NodeBlob([lines.join('\n') + '\n']) as unknown as Blob
  return { name: 'big.csv', relativePath: 'big.csv', size: file.size, file, stream: () => readBlob(file) }
}

/** A part worker in this thread: it serves the port it is handed, as billingPartWorker.ts does in its own. */
function partWorkerHere(answers: string[]): PartWorker {
  return {
    postMessage({ port }) {
      const observed: PartPort = {
        start: () => port.start(),
        addEventListener: (type, listener) => port.addEventListener(type, listener as (event: MessageEvent) => void),
        postMessage(message, transfer) {
          answers.push('ready' in message ? 'ready' : 'part' in message ? (message.part ? 'part' : 'null') : 'error')
          port.postMessage(message, transfer)
        },
      }
      serveBillingPart(observed)
    },
    addEventListener() {},
    terminate() {},
  }
}

function importBig(engine: ReturnType<typeof connected>['engine'], source: ImportSource) {
  return engine.run<ImportOutcome>({ kind: 'import-billing', options: { ...options, format: 'anthropic-console-cost' }, importedAt: '2026-11-29T10:00:00.000Z' }, [source]).result
}

afterEach(() => vi.restoreAllMocks())

test('a big picked file is imported on two workers, into the batch one worker builds (its id and summary)', async () => {
  const source = bigPickedFile()
  const oneWorker = await importBig(connected().engine, source)
  const streams = vi.spyOn(NodeBlob.prototype, 'stream')
  const answers: string[] = []
  const twoWorkers = await importBig(connected(() => partWorkerHere(answers)).engine, source)
  expect(answers).toEqual(['ready', 'part'])
  // The import worker read up to the second part only; the part worker read the rest.
  expect(streams).toHaveBeenCalledTimes(2)
  expect(twoWorkers.summary).toEqual(oneWorker.summary)
  expect(twoWorkers.batch!.meta).toEqual(oneWorker.batch!.meta)
  expect(twoWorkers.batch!.summary).toEqual(oneWorker.batch!.summary)
  expect(twoWorkers.batch!.meta.records).toBe(80_000)
}, 60_000)

test('a part worker that fails to start, or cannot be started, leaves the import worker to read the whole file', async () => {
  const source = bigPickedFile()
  const oneWorker = await importBig(connected().engine, source)
  let terminated = false
  const failing: PartWorker = {
    postMessage() {},
    addEventListener: (_type, listener) => setTimeout(() => listener({ message: 'could not load the script' } as ErrorEvent)),
    terminate: () => (terminated = true),
  }
  const outcome = await importBig(connected(() => failing).engine, source)
  expect(outcome.batch!.meta).toEqual(oneWorker.batch!.meta)
  expect(terminated).toBe(true)

  // A worker scope that cannot start another worker at all.
  const unstartable = await importBig(
    connected(() => {
      throw new ReferenceError('Worker is not defined')
    }).engine,
    source,
  )
  expect(unstartable.batch!.meta).toEqual(oneWorker.batch!.meta)
}, 60_000)
