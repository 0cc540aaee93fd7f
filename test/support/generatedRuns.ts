import * as Y from 'yjs'
import { createBatch } from '../../shared/batches/batch'
import type { Run } from '../../shared/records/run'
import { Ledger } from '../../shared/workspace/ledger'

const MODELS = ['claude-sonnet-4-5', 'claude-opus-4-1', 'gpt-5-codex']
const STEPS = ['plan', 'edit', 'test', 'review', 'fix']

/** A plausible agent session, deterministic in its index, valid against shared/records/run.ts. */
export function generatedRun(index: number): Run {
  const start = new Date(Date.UTC(2026, 7, 1) + index * 60_000)
  const end = new Date(start.getTime() + 5 * 60_000 + (index % 97) * 1000)
  const model = MODELS[index % MODELS.length]
  const tokens = {
    input: 1000 + (index % 5000),
    output: 200 + (index % 900),
    cacheWrite5m: index % 300,
    cacheWrite1h: 0,
    cacheRead: 20_000 + (index % 7000),
    reasoning: index % 50,
  }
  const cost = `${(index % 9) + 0}.${String(index % 1_000_000).padStart(6, '0')}`
  return {
    id: `session-${index.toString(36).padStart(6, '0')}`,
    tool: 'claude-code',
    provider: model.startsWith('gpt') ? 'openai' : 'anthropic',
    repo: `acme/service-${index % 40}`,
    branch: index % 3 === 0 ? 'main' : `feature/${index % 200}`,
    start: start.toISOString(),
    end: end.toISOString(),
    models: [model],
    tokens,
    costUSD: cost,
    costByMonth: { [start.toISOString().slice(0, 7)]: cost },
    byModel: [{ model, tokens, costUSD: cost, priced: true }],
    unpricedModels: [],
    steps: STEPS.slice(0, 1 + (index % STEPS.length)),
    actor: `p-${(index % 25).toString(16).padStart(8, '0')}`,
    requests: 1 + (index % 60),
  }
}

/** Imports `runCount` generated runs into `doc` through the real Ledger, `batchSize` runs per batch. */
export function fillLedger(doc: Y.Doc, runCount: number, batchSize: number): void {
  const ledger = new Ledger(doc)
  for (let first = 0; first < runCount; first += batchSize) {
    const records = Array.from({ length: Math.min(batchSize, runCount - first) }, (_, i) => generatedRun(first + i))
    ledger.add(storedRunsBatch(records, `sessions-${first}.jsonl`, first))
  }
}

/** Runs as one stored batch, as an agent-log import adds it; `order` spaces the batches' import times. */
export function storedRunsBatch(records: Run[], fileName: string, order: number) {
  return createBatch({
    kind: 'runs',
    format: 'claude-code-jsonl',
    fileNames: [fileName],
    records,
    totals: {},
    from: records[0].start,
    to: records[records.length - 1].end,
    skipped: [],
    warnings: [],
    importedAt: new Date(Date.UTC(2026, 8, 1) + order).toISOString(),
  })
}
