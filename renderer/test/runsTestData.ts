import { makePortfolio as portfolioFixture } from '../../test/support/analysisFixtures'
import { createBatch } from '../../shared/batches/batch'
import { emptyTokenCounts } from '../../shared/records/tokenCounts'
import type { Portfolio, RuleCondition } from '../../shared/records/portfolio'
import type { Run } from '../../shared/records/run'
import type { Workspace } from '../workspace/openLocalWorkspace'

/** A plausible run for tests; everything can be overridden. */
export function makeRun(overrides: Partial<Run> & { id: string }): Run {
  const tokens = { ...emptyTokenCounts(), input: 1000, output: 200 }
  return {
    tool: 'claude-code',
    provider: 'anthropic',
    repo: 'web',
    branch: 'main',
    start: '2026-10-05T09:00:00.000Z',
    end: '2026-10-05T09:20:00.000Z',
    models: ['claude-sonnet-4-5'],
    tokens,
    costUSD: '1.25',
    costByMonth: { '2026-10': overrides.costUSD ?? '1.25' },
    byModel: [{ model: 'claude-sonnet-4-5', tokens, costUSD: overrides.costUSD ?? '1.25', priced: true }],
    unpricedModels: [],
    steps: ['explore', 'edit', 'test'],
    actor: 'pseudonym-1',
    requests: 12,
    ...overrides,
  }
}

/** Imports runs into the workspace's ledger as one batch, as an importer would. */
export function seedRuns(workspace: Workspace, runs: readonly Run[]): void {
  const batch = createBatch({
    kind: 'runs',
    format: 'claude-code',
    fileNames: ['sessions.jsonl'],
    records: runs,
    totals: {},
    from: null,
    to: null,
    skipped: [],
    warnings: [],
    importedAt: '2026-11-01T00:00:00.000Z',
  })
  workspace.ledger.add(batch)
}

export function makePortfolio(id: string, name: string, conditions: RuleCondition[]): Portfolio {
  return portfolioFixture({
    id,
    name,
    rules: [{ id: `${id}-rule`, target: 'runs', combine: 'all', conditions }],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
  })
}
