import { makeCharge, makePortfolio, makeRun, rule } from '../../test/support/analysisFixtures'
import { createBatch } from '../../shared/batches/batch'
import type { Charge } from '../../shared/records/charge'
import type { Portfolio } from '../../shared/records/portfolio'
import type { Run } from '../../shared/records/run'
import type { Workspace } from '../workspace/openLocalWorkspace'

/** Imports runs and charges as the Import view does: one immutable batch each. */
export function importRecords(workspace: Workspace, runs: readonly Run[], charges: readonly Charge[]): void {
  const importedAt = '2026-10-01T00:00:00.000Z'
  const common = { fileNames: ['test'], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt }
  if (runs.length) {
    const batch = createBatch({ ...common, kind: 'runs', format: 'test-logs', records: runs })
    workspace.ledger.add(batch)
  }
  if (charges.length) {
    const batch = createBatch({ ...common, kind: 'charges', format: 'test-billing', records: charges })
    workspace.ledger.add(batch)
  }
}

/**
 * Two portfolios in 2026-Q3 (a closed quarter, so forecasts equal spend), three Anthropic runs
 * and one $60 invoice line without workflow dimension, split 30 : 10 : 5 by the runs' estimates:
 * Incident triage $40.00, Web work $13.33 (89% of $15), Unassigned $6.67.
 */
export const incidents: Portfolio = makePortfolio({
  id: 'pf-incidents',
  name: 'Incident triage',
  owningTeam: 'SRE team',
  envelope: { amount: '100', currency: 'USD', period: 'quarter', rollover: false },
  rules: [rule('triage', 'runs', [{ field: 'sequence', values: ['logs', 'edit', 'test'] }])],
})

export const web: Portfolio = makePortfolio({
  id: 'pf-web',
  name: 'Web work',
  outcomeTags: [],
  owningTeam: 'Web team',
  envelope: { amount: '15', currency: 'USD', period: 'quarter', rollover: false },
  rules: [rule('web-repo', 'runs', [{ field: 'repo', values: ['acme/*'] }])],
})

export const runs: Run[] = [
  makeRun({ id: 'r1', repo: 'acme/web', steps: ['logs', 'edit', 'test'], costUSD: '30', start: '2026-07-06T09:00:00.000Z', actor: 'a1' }),
  makeRun({ id: 'r2', repo: 'acme/api', steps: ['edit'], costUSD: '10', start: '2026-07-08T09:00:00.000Z', actor: 'a2' }),
  makeRun({ id: 'r3', repo: 'globex/app', steps: ['edit'], costUSD: '5', start: '2026-07-09T09:00:00.000Z', actor: 'a2' }),
]

export const charges: Charge[] = [makeCharge({ identity: 'inv-1', provider: 'anthropic', start: '2026-07-31T00:00:00.000Z', cost: '60' })]

export function seedWorkspace(workspace: Workspace): void {
  workspace.governance.portfolios.put(incidents)
  workspace.governance.portfolios.put(web)
  importRecords(workspace, runs, charges)
  workspace.undoManager.clear()
}
