import { makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import type { Run } from '../../shared/records/run'
import type { Workspace } from '../workspace/openLocalWorkspace'
import { importRecords } from './portfolioTestData'

export const triage = makePortfolio({
  id: 'pf-triage',
  name: 'Incident triage',
  envelope: { amount: '500', currency: 'USD', period: 'quarter', rollover: false },
  rules: [rule('ops', 'runs', [{ field: 'repo', values: ['acme/ops'] }])],
})
export const refactor = makePortfolio({ id: 'pf-refactor', name: 'Refactor + tests', rules: [rule('web', 'runs', [{ field: 'repo', values: ['acme/web'] }])] })
export const docs = makePortfolio({ id: 'pf-docs', name: 'Docs', rules: [] })

const TRIAGE_STEPS = ['logs', 'read', 'edit', 'test', 'doc']

/** Q3 2026: four triage runs that follow "logs, read, edit, test, doc" (two of them high-cost), and web runs. */
export const reviewRuns: Run[] = [
  ...[1, 2, 3, 4].map((i) =>
    makeRun({ id: `run-t${i}`, repo: 'acme/ops', steps: TRIAGE_STEPS, costUSD: i <= 2 ? `${60 + i}` : '4', start: `2026-07-0${i}T09:00:00.000Z`, actor: `actor-${i}` }),
  ),
  ...[1, 2, 3].map((i) => makeRun({ id: `run-w${i}`, repo: 'acme/web', steps: ['plan', 'edit', 'build'], costUSD: '2', start: `2026-08-1${i}T09:00:00.000Z` })),
]

export function seedReviewWorkspace(workspace: Workspace): void {
  workspace.governance.settings.set('highCostRule', 'fixed')
  workspace.governance.settings.set('highCostThresholdUSD', '50')
  for (const portfolio of [triage, refactor, docs]) workspace.governance.portfolios.put(portfolio)
  importRecords(workspace, reviewRuns, [])
  workspace.undoManager.clear()
}
