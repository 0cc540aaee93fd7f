/**
 * Workspace files of 100,000 runs in two shapes for the mining benchmark, written once into
 * bench-data/ and reused while the generator's inputs match (the name says them):
 * - `random-steps`: test/support/generatedRuns.ts (plan/edit/test/review/fix prefixes), as stored
 *   before calls and usage were kept, in batches of 10,000;
 * - `team-workflows`: the four noisy workflows with 25% one-offs of generatedWorkflows.ts, stored
 *   as an import stores them today (each step a kept call, usage per model and day), so reading
 *   them labels and prices every run again; in batches of 2,500.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { bundledPricingTable } from '../shared/pricing/pricingTable'
import type { Run, RunUsage } from '../shared/records/run'
import { packCalls } from '../shared/runs/packedCalls'
import { priceRunUsage } from '../shared/runs/priceRunUsage'
import { createStepLabeller, type ToolCall } from '../shared/steps/labelStep'
import { Ledger } from '../shared/workspace/ledger'
import { updateWorkspaceFile } from '../cli/workspaceStore'
import { fillLedger, storedRunsBatch } from '../test/support/generatedRuns'
import { generateTeamRuns, TEAM_WORKFLOWS, type GeneratedRun } from '../test/support/generatedWorkflows'

export const MINING_SHAPES = ['random-steps', 'team-workflows'] as const
export type MiningShape = (typeof MINING_SHAPES)[number]

/** The workspace file of `runs` runs of one shape, generated when missing. */
export async function miningWorkspace(folder: string, shape: MiningShape, runs: number): Promise<string> {
  const path = join(folder, `mining-${shape}-${runs}.workfolio`)
  if (existsSync(path)) return path
  mkdirSync(folder, { recursive: true })
  const building = `${path}.${process.pid}.building`
  await updateWorkspaceFile(building, async (workspace) => {
    if (shape === 'random-steps') fillLedger(workspace.ledger.doc, runs, 10_000)
    else addTeamRuns(workspace.ledger, runs, 2_500)
    await workspace.save()
  })
  renameSync(building, path)
  return path
}

/** One tool call per step label that the default rules give that label (checked below). */
const CALL_FOR_STEP: Record<string, ToolCall> = {
  plan: { tool: 'TodoWrite' },
  read: { tool: 'Read' },
  search: { tool: 'Grep' },
  edit: { tool: 'Edit', paths: ['src/app.ts'] },
  doc: { tool: 'Write', paths: ['docs/postmortem-2026.md'] },
  test: { tool: 'Bash', command: 'pnpm vitest run' },
  build: { tool: 'Bash', command: 'npm run build' },
  git: { tool: 'Bash', command: 'git commit -m x' },
  logs: { tool: 'Bash', command: 'kubectl logs api' },
  shell: { tool: 'Bash', command: 'echo done' },
  web: { tool: 'WebFetch' },
  mcp: { tool: 'mcp__linear__search' },
  subagent: { tool: 'Task' },
}

function addTeamRuns(ledger: Ledger, count: number, batchSize: number): void {
  const oneOffs = Math.round(count / 4)
  const generated = generateTeamRuns({ seed: 2026, runsPerWorkflow: Math.round((count - oneOffs) / TEAM_WORKFLOWS.length), oneOffs })
  const labeller = createStepLabeller()
  for (const [step, call] of Object.entries(CALL_FOR_STEP)) {
    if (labeller.label(call) !== step) throw new Error(`the call for "${step}" is labelled "${labeller.label(call)}"`)
  }
  const pricing = bundledPricingTable()
  for (let first = 0; first < generated.length; first += batchSize) {
    const records = generated.slice(first, first + batchSize).map((run, i) => storedRun(run, first + i, labeller, pricing))
    ledger.add(storedRunsBatch(records, `team-${first}.jsonl`, first))
  }
}

function storedRun(run: GeneratedRun, index: number, labeller: ReturnType<typeof createStepLabeller>, pricing: ReturnType<typeof bundledPricingTable>): Run {
  const start = new Date(Date.UTC(2026, 6, 1) + index * 47_000)
  const end = new Date(start.getTime() + 60_000 * run.steps.length)
  const day = start.toISOString().slice(0, 10)
  // Tokens in proportion to the generated cost, split over the models the steps used.
  const models = [...new Set(run.stepModels)]
  const scale = Math.round(Number(run.costUSD) * 100_000)
  const usage: RunUsage[] = models.map((model) => ({
    model,
    day,
    contextAbove: 0,
    tokens: { input: scale, output: Math.round(scale / 20), cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: scale * 4, reasoning: 0 },
  }))
  const { calls, callOrder } = packCalls(run.steps.map((step, i) => labeller.reduce(CALL_FOR_STEP[step], run.stepModels[i])))
  return {
    id: run.id,
    tool: 'claude-code',
    provider: 'anthropic',
    repo: `acme/service-${index % 12}`,
    branch: index % 3 === 0 ? 'main' : `feature/${index % 300}`,
    start: start.toISOString(),
    end: end.toISOString(),
    ...priceRunUsage(usage, pricing),
    steps: run.steps,
    actor: `p-${(index % 25).toString(16).padStart(8, '0')}`,
    requests: run.steps.length * 3,
    calls,
    callOrder,
    usage,
  }
}
