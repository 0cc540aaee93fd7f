import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importAgentLogs } from '../importers/logs/importAgentLogs'
import { claudeAssistantLine, memorySources } from '../../test/support/memoryLogSources'
import { sumDecimalStrings } from '../money/decimal'
import type { Run } from '../records/run'
import { readAnalysisInput } from '../analysis/workspaceInput'
import { DEFAULT_STEP_RULES } from '../steps/defaultStepRules'
import { DEFAULT_SETTINGS } from '../workspace/defaultSettings'
import { Governance } from '../workspace/governance'
import { Ledger } from '../workspace/ledger'
import { deriveMinableRuns, deriveRuns, MINABLE_RUN_FIELDS } from './deriveRuns'
import { packCalls, unpackCalls } from './packedCalls'

const SESSION = '11111111-2222-4333-8444-555555555555'

function toolUse(id: string, name: string, input: Record<string, unknown>) {
  return { type: 'tool_use', id, name, input }
}

/** A session that reads, runs its tests through poetry, edits a doc, and commits, on two models. */
function transcript(): string {
  const line = (n: number, model: string, content: unknown[]) =>
    claudeAssistantLine({ sessionId: SESSION, messageId: `msg_${n}`, requestId: `req_${n}`, model, timestamp: `2026-09-01T10:0${n}:00.000Z`, input: 1000, output: 500, content })
  return [
    line(1, 'claude-sonnet-4-5-20250929', [toolUse('t1', 'Read', { file_path: '/home/dana/src/app/src/payroll.ts' })]),
    line(2, 'claude-sonnet-4-5-20250929', [toolUse('t2', 'Bash', { command: 'cd /home/dana/src/app && poetry run pytest -q tests/test_payroll.py' })]),
    line(3, 'claude-opus-4-1-20250805', [toolUse('t3', 'Write', { file_path: '/home/dana/src/app/docs/payroll-incident.md', content: 'secret' })]),
    line(4, 'claude-sonnet-4-5-20250929', [toolUse('t4', 'Bash', { command: "git commit -am 'fix payroll rounding'" })]),
  ].join('\n')
}

/** A ledger with the session imported into it: what the app holds, without the logs. */
async function ledgerWithRun(): Promise<Ledger> {
  const imported = await importAgentLogs(memorySources({ [`/logs/${SESSION}.jsonl`]: transcript() }), { importedAt: '2026-09-02T00:00:00.000Z' })
  const ledger = new Ledger(new Y.Doc())
  ledger.add(imported.batch!)
  return ledger
}

async function storedRuns(): Promise<(Run & { batchId: string })[]> {
  return (await ledgerWithRun()).runs().records
}

describe('packed calls', () => {
  it('store each distinct call once and the order as one character per call, and unpack to the same calls', () => {
    const read = { tool: 'Read' }
    const test = { tool: 'Bash', command: ['pytest'], model: 'm' }
    const packed = packCalls([read, test, read, read, test])
    expect(packed).toEqual({ calls: [read, test], callOrder: '01001' })
    expect(unpackCalls(packed)).toEqual([read, test, read, read, test])
  })

  it('round-trip any calls, and skip what a damaged order does not index (property)', () => {
    const call = fc.record({ tool: fc.constantFrom('Read', 'Bash', 'Edit'), command: fc.option(fc.array(fc.constantFrom('git commit', 'pytest', 'cd')), { nil: undefined }) }, { requiredKeys: ['tool'] })
    fc.assert(
      fc.property(fc.array(call, { maxLength: 300 }), fc.string(), (calls, damaged) => {
        const clean = calls.map((c) => (c.command === undefined ? { tool: c.tool } : c))
        expect(unpackCalls(packCalls(clean))).toEqual(clean)
        const { calls: distinct } = packCalls(clean)
        for (const unpacked of unpackCalls({ calls: distinct, callOrder: damaged })) expect(distinct).toContain(unpacked)
      }),
    )
  })
})

describe('deriveRuns', () => {
  it('is how analysis reads runs: a rule the team edits in settings relabels the runs already imported', async () => {
    const ledger = await ledgerWithRun()
    const governance = new Governance(new Y.Doc())
    const before = readAnalysisInput(governance, ledger, '2026-10-01T00:00:00.000Z').runs[0]
    expect(before.steps).toEqual(['read', 'test', 'doc', 'git'])
    governance.settings.set('stepRules', [{ tools: ['Bash'], on: 'command', pattern: '^git commit', label: 'commit' }, ...DEFAULT_STEP_RULES])
    expect(readAnalysisInput(governance, ledger, '2026-10-01T00:00:00.000Z').runs[0].steps).toEqual(['read', 'test', 'doc', 'commit'])
  })

  it('gives back the imported steps and costs when rules and prices are unchanged, with the model of each step', async () => {
    const [stored] = await storedRuns()
    expect(stored.steps).toEqual(['read', 'test', 'doc', 'git'])
    const [derived] = deriveRuns([stored], DEFAULT_SETTINGS)
    expect(derived.steps).toEqual(stored.steps)
    expect(derived.costUSD).toBe(stored.costUSD)
    expect(derived.byModel).toEqual(stored.byModel)
    expect(derived.stepModels).toEqual(['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-opus-4-1-20250805', 'claude-sonnet-4-5-20250929'])
  })

  it('keeps per step only the tool, program and subcommand words, a path label and the model: no path, argument or message', async () => {
    const [stored] = await storedRuns()
    expect(unpackCalls(stored)).toEqual([
      { tool: 'Read', model: 'claude-sonnet-4-5-20250929' },
      { tool: 'Bash', command: ['cd', 'pytest'], model: 'claude-sonnet-4-5-20250929' },
      { tool: 'Write', pathLabel: 'doc', model: 'claude-opus-4-1-20250805' },
      { tool: 'Bash', command: ['git commit'], model: 'claude-sonnet-4-5-20250929' },
    ])
    const text = JSON.stringify(stored)
    for (const secret of ['dana', 'payroll', 'rounding', 'tests/', 'secret']) expect(text).not.toContain(secret)
  })

  it('labels stored runs again when the team changes a rule, without the original logs', async () => {
    const stored = await storedRuns()
    const rules = [
      { tools: ['Bash'], on: 'command' as const, pattern: '^pytest', label: 'unit-tests' },
      { tools: ['Bash'], on: 'command' as const, pattern: '^git commit', label: 'commit' },
      { tools: ['Read'], on: 'tool' as const, pattern: '', label: 'read' },
    ]
    const [derived] = deriveRuns(stored, { ...DEFAULT_SETTINGS, stepRules: rules })
    // Write is no step under these rules, and the costs stay as they were.
    expect(derived.steps).toEqual(['read', 'unit-tests', 'commit'])
    expect(derived.stepModels).toEqual(['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929'])
    expect(derived.costUSD).toBe(stored[0].costUSD)
  })

  it('prices stored runs again when the price table changes', async () => {
    const [stored] = await storedRuns()
    // Opus at $1 per input token and nothing per output token: its one request costs exactly 1000.
    const overrides = { 'claude-opus-4-1-20250805': { input_cost_per_token: 1, output_cost_per_token: 0 } }
    const [derived] = deriveRuns([stored], { ...DEFAULT_SETTINGS, pricingOverrides: overrides })
    const opus = derived.byModel.find((model) => model.model === 'claude-opus-4-1-20250805')!
    expect(opus.costUSD).toBe('1000')
    const sonnet = stored.byModel.find((model) => model.model === 'claude-sonnet-4-5-20250929')!
    expect(derived.costUSD).toBe(sumDecimalStrings(['1000', sonnet.costUSD]))
    expect(derived.costByMonth).toEqual({ '2026-09': derived.costUSD })
    expect(derived.steps).toEqual(stored.steps)
  })

  it('leaves runs of batches stored before calls and usage were kept as they were', async () => {
    const [stored] = await storedRuns()
    const { calls: _calls, callOrder: _order, usage: _usage, ...legacy } = stored
    const ledger = new Ledger(new Y.Doc())
    const { createBatch } = await import('../batches/batch')
    const batch = createBatch({
      kind: 'runs', format: 'agent-logs', fileNames: ['old.jsonl'], records: [legacy], totals: { USD: legacy.costUSD },
      from: legacy.start, to: legacy.end, skipped: [], warnings: [], importedAt: '2026-08-01T00:00:00.000Z',
    })
    ledger.add(batch)
    const [read] = ledger.runs().records
    expect(ledger.runs().problems).toEqual([])
    const [derived] = deriveRuns([read], { ...DEFAULT_SETTINGS, stepRules: [], pricingOverrides: { 'claude-opus-4-1-20250805': { input_cost_per_token: 1 } } })
    expect(derived).toBe(read)
    expect(derived.steps).toEqual(['read', 'test', 'doc', 'git'])
  })

  it('derives a stored run once per rules and prices: reading again gives the same objects', async () => {
    const stored = await storedRuns()
    const first = deriveRuns(stored, DEFAULT_SETTINGS)
    expect(deriveRuns(stored, { ...DEFAULT_SETTINGS })[0]).toBe(first[0])
    expect(deriveRuns(stored, { ...DEFAULT_SETTINGS, stepRules: [] })[0]).not.toBe(first[0])
  })
})

describe('deriveMinableRuns', () => {
  it('gives what deriveRuns gives of the fields mining reads, from runs read with only those fields, under any rules and prices', async () => {
    const ledger = await ledgerWithRun()
    const { createBatch } = await import('../batches/batch')
    const [stored] = ledger.runs().records
    const { calls: _calls, callOrder: _order, usage: _usage, batchId: _batch, ...legacy } = stored
    const old = createBatch({
      kind: 'runs', format: 'agent-logs', fileNames: ['old.jsonl'], records: [{ ...legacy, id: 'legacy' }], totals: {},
      from: legacy.start, to: legacy.end, skipped: [], warnings: [], importedAt: '2026-08-01T00:00:00.000Z',
    })
    ledger.add(old)
    const settings = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, stepRules: [{ tools: ['Bash'], on: 'command' as const, pattern: '^git commit', label: 'commit' }, ...DEFAULT_STEP_RULES] },
      { ...DEFAULT_SETTINGS, pricingOverrides: { 'claude-opus-4-1-20250805': { input_cost_per_token: 1, output_cost_per_token: 0 } } },
    ]
    for (const setting of settings) {
      const whole = deriveRuns(new Ledger(ledger.doc).runs().records, setting).map(({ id, steps, stepModels, costUSD }) => ({ id, steps, stepModels, costUSD }))
      const some = new Ledger(ledger.doc).projectedRuns(MINABLE_RUN_FIELDS, (runs) => runs)
      expect(Object.keys(some.records.find((run) => run.id !== 'legacy')!).sort()).toEqual([...MINABLE_RUN_FIELDS, 'batchId', 'requests'].sort())
      expect(deriveMinableRuns(some.records, setting)).toEqual(whole)
      expect(new Ledger(ledger.doc).projectedRuns(MINABLE_RUN_FIELDS, (runs) => deriveMinableRuns(runs, setting)).records).toEqual(whole)
    }
  })
})
