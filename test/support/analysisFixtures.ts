import type { Charge } from '../../shared/records/charge'
import { emptyTokenCounts } from '../../shared/records/tokenCounts'
import type { Portfolio, PortfolioRule, RuleCondition } from '../../shared/records/portfolio'
import type { Recipe } from '../../shared/records/recipe'
import type { Run } from '../../shared/records/run'
import { newCharge } from '../../shared/importers/billing/rows'
import { DEFAULT_SETTINGS } from '../../shared/workspace/defaultSettings'
import type { AnalysisInput } from '../../shared/analysis/input'

/** Small, valid records for analysis tests: every field has a plain default, tests override what matters. */
let counter = 0

export function makeRun(overrides: Partial<Run> & { id: string }): Run {
  const start = overrides.start ?? '2026-07-10T10:00:00.000Z'
  const costUSD = overrides.costUSD ?? '1'
  return {
    tool: 'claude-code',
    provider: 'anthropic',
    repo: 'acme/web',
    branch: 'main',
    start,
    end: start,
    models: ['claude-sonnet-4'],
    tokens: emptyTokenCounts(),
    costUSD,
    costByMonth: { [start.slice(0, 7)]: costUSD },
    byModel: [],
    unpricedModels: [],
    steps: [],
    actor: 'actor-1',
    requests: 1,
    ...overrides,
  }
}

export function makeCharge(overrides: Partial<Charge> = {}): Charge {
  counter += 1
  return {
    ...newCharge('test-billing', 'anthropic', 'billing.csv', counter),
    identity: `line-${counter}`,
    start: '2026-07-01T00:00:00.000Z',
    cost: '10',
    ...overrides,
  }
}

export function rule(id: string, target: PortfolioRule['target'], conditions: RuleCondition[], combine: PortfolioRule['combine'] = 'all'): PortfolioRule {
  return { id, target, combine, conditions }
}

export function makePortfolio(overrides: Partial<Portfolio> & { id: string }): Portfolio {
  return {
    name: overrides.id,
    description: '',
    outcomeTags: ['MTTR'],
    owningTeam: 'Platform team',
    status: 'pilot',
    envelope: { amount: '1000', currency: 'USD', period: 'quarter', rollover: false },
    expectedHighCostUSD: null,
    rules: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function makeRecipe(overrides: Partial<Recipe> & { id: string; steps: string[] }): Recipe {
  return {
    name: overrides.id,
    description: '',
    status: 'promoted',
    version: 1,
    history: [],
    provenance: { minedFromRuns: [], reviewId: null, promotedAt: null },
    mergedFrom: [],
    ...overrides,
  }
}

export function makeInput(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    portfolios: [],
    portfolioChanges: [],
    runs: [],
    charges: [],
    recipes: [],
    envelopeMoves: [],
    settings: DEFAULT_SETTINGS,
    annotatedRunIds: new Set(),
    asOf: '2026-08-15',
    ...overrides,
  }
}
