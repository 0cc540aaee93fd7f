import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES as BILLING_FIXTURES } from '../../test/support/billingFixtures'
import { makePortfolio, rule } from '../../test/support/analysisFixtures'
import { sumDecimalStrings } from '../../shared/money/decimal'
import { createIncidentProfile } from '../../shared/importers/outcomes/incidentMapping'
import { readLedgerOutcomes } from '../../shared/workspace/outcomeLedger'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, saveTestWorkspace, tempDir } from '../../test/support/cliWorkspace'

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'outcomes')

function exportsFolder(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'exports', 'incidents'), { recursive: true })
  copyFileSync(join(FIXTURES, 'gh-pr-list-billing-service.json'), join(dir, 'exports', 'prs.json'))
  copyFileSync(join(FIXTURES, 'pagerduty-incidents.csv'), join(dir, 'exports', 'incidents', 'pagerduty.csv'))
  copyFileSync(join(FIXTURES, 'outcome-metrics.csv'), join(dir, 'exports', 'metrics.csv'))
  // A bill in the same folder is not an outcome export: `outcomes import` leaves it.
  copyFileSync(join(BILLING_FIXTURES, 'anthropic-cost-2026-03.csv'), join(dir, 'exports', 'anthropic.csv'))
  return dir
}

describe('cli outcomes import', () => {
  it('imports the outcome files of a folder into the workspace, once', async () => {
    const dir = exportsFolder()
    const io = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--json', '--workspace', 'team.workfolio', 'exports'], io)).toBe(0)
    const { files } = JSON.parse(io.out())
    expect(files.map((file: { path: string; kind: string; status: string; records: number }) => [file.path, file.kind, file.status, file.records])).toEqual([
      ['exports/incidents/pagerduty.csv', 'incidents', 'ok', 3],
      ['exports/metrics.csv', 'metrics', 'ok', 4],
      ['exports/prs.json', 'pullRequests', 'ok', 4],
    ])
    const outcomes = readLedgerOutcomes(openWorkspaceFile(join(dir, 'team.workfolio')).ledger)
    expect([outcomes.pullRequests.length, outcomes.incidents.length, outcomes.metrics.length]).toEqual([4, 3, 4])

    const again = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', 'exports/prs.json'], again)).toBe(0)
    expect(again.out()).toContain('already imported')
    expect(again.out()).toContain('Nothing new for')
  })

  it('rejects a bad file whole with file:line, exit 1, keeping what the workspace held', async () => {
    const dir = exportsFolder()
    await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', 'exports/prs.json'], captureIO(dir))
    writeFileSync(join(dir, 'bad.csv'), 'date,metric,value,repo\n2026-01-01,deploys,4,api\n2026-13-02,deploys,5,api\n')
    const io = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', 'bad.csv'], io)).toBe(1)
    expect(io.out()).toContain('bad.csv:3: error: "date" is "2026-13-02", not a date like 2026-02-03')
    const outcomes = readLedgerOutcomes(openWorkspaceFile(join(dir, 'team.workfolio')).ledger)
    expect([outcomes.pullRequests.length, outcomes.metrics.length]).toEqual([4, 0])
  })

  it('exits 2 without --workspace, without a subcommand, or for a file of another kind', async () => {
    const dir = exportsFolder()
    expect(await runCli(['outcomes', 'import', 'exports/prs.json'], captureIO(dir))).toBe(2)
    expect(await runCli(['outcomes'], captureIO(dir))).toBe(2)
    const io = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--workspace', 'w.workfolio', 'exports/anthropic.csv'], io)).toBe(2)
    expect(io.err()).toContain('not a kind of file this command imports')
  })

  it('plain `import` recognises an outcome export by its shape too', async () => {
    const dir = exportsFolder()
    const io = captureIO(dir)
    expect(await runCli(['import', '--json', 'exports/prs.json', 'exports/anthropic.csv'], io)).toBe(0)
    expect(JSON.parse(io.out()).files.map((file: { kind: string }) => file.kind)).toEqual(['pullRequests', 'charges'])
  })
})

describe('cli import of incidents through a saved incident profile', () => {
  const OPSGENIE = 'opsgenie-incidents.csv'

  /** A workspace holding the team's incident profile for the Opsgenie-style export, and the export in a folder beside a bill. */
  function workspaceWithProfile(): string {
    const dir = exportsFolder()
    copyFileSync(join(FIXTURES, OPSGENIE), join(dir, 'exports', 'opsgenie.csv'))
    const workspace = openWorkspaceFile(join(dir, 'team.workfolio'))
    const header = readFileSync(join(FIXTURES, OPSGENIE), 'utf8').split('\n')[0].split(',')
    const mapping = { id: 'TinyId', title: 'Message', service: 'Impacted Services', created: 'CreatedAt', acknowledged: 'AcknowledgedAt', resolved: 'ResolvedAt', severity: 'Priority' }
    workspace.governance.importProfiles.put(createIncidentProfile({ id: 'opsgenie', name: 'Opsgenie', headerFields: header, mapping, dateFormat: 'MM/DD/YYYY', source: 'opsgenie', createdAt: '2026-03-01T00:00:00.000Z' }))
    saveTestWorkspace(workspace)
    return dir
  }

  it('`outcomes import` takes the CSV, named or in a folder, as incidents', async () => {
    const dir = workspaceWithProfile()
    const io = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--json', '--workspace', 'team.workfolio', 'exports'], io)).toBe(0)
    const { files } = JSON.parse(io.out())
    expect(files.find((file: { path: string }) => file.path === 'exports/opsgenie.csv')).toMatchObject({ format: 'custom:opsgenie', kind: 'incidents', status: 'ok', records: 3 })
    const incidents = readLedgerOutcomes(openWorkspaceFile(join(dir, 'team.workfolio')).ledger).incidents
    expect(incidents.filter((incident) => incident.source === 'opsgenie').map((incident) => [incident.id, incident.createdAt])).toEqual([
      ['opsgenie:118', '2026-02-03T14:05:00.000Z'],
      ['opsgenie:121', '2026-02-10T09:00:00.000Z'],
      ['opsgenie:124', '2026-02-20T22:15:00.000Z'],
    ])
    const again = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', 'exports/opsgenie.csv'], again)).toBe(0)
    expect(again.out()).toContain('already imported')
  })

  it('plain `import` reads it as incidents, not as a bill; without the profile it is an unknown bill', async () => {
    const dir = workspaceWithProfile()
    const io = captureIO(dir)
    expect(await runCli(['import', '--json', '--workspace', 'team.workfolio', 'exports/opsgenie.csv', 'exports/anthropic.csv'], io)).toBe(0)
    expect(JSON.parse(io.out()).files.map((file: { kind: string; status: string }) => [file.kind, file.status])).toEqual([['incidents', 'ok'], ['charges', 'ok']])
    expect(readLedgerOutcomes(openWorkspaceFile(join(dir, 'team.workfolio')).ledger).incidents).toHaveLength(3)

    const withoutWorkspace = captureIO(dir)
    expect(await runCli(['import', 'exports/opsgenie.csv'], withoutWorkspace)).toBe(1)
    expect(withoutWorkspace.out()).toContain('not a known billing export')
  })

  it('a row the profile cannot read rejects the file with file:line and keeps the workspace as it was', async () => {
    const dir = workspaceWithProfile()
    writeFileSync(join(dir, 'opsgenie-broken.csv'), readFileSync(join(FIXTURES, OPSGENIE), 'utf8').replace('02/10/2026 09:00:00', '10 Feb 2026'))
    const io = captureIO(dir)
    expect(await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', 'opsgenie-broken.csv'], io)).toBe(1)
    expect(io.out()).toContain('opsgenie-broken.csv:3: error: "CreatedAt" is not a date and time: "10 Feb 2026"')
    expect(readLedgerOutcomes(openWorkspaceFile(join(dir, 'team.workfolio')).ledger).incidents).toHaveLength(0)
  })
})

describe('cli report with outcomes', () => {
  it('gives each portfolio its pull requests: runs linked, merged/open/closed, cost per merged PR', async () => {
    const dir = tempDir()
    const logs = join(__dirname, '..', '..', 'test', 'fixtures', 'logs')
    expect(await runCli(['import', '--workspace', 'team.workfolio', logs], captureIO(dir))).toBe(0)
    expect(await runCli(['outcomes', 'import', '--workspace', 'team.workfolio', join(FIXTURES, 'gh-pr-list-billing-service.json')], captureIO(dir))).toBe(0)
    const workspace = openWorkspaceFile(join(dir, 'team.workfolio'))
    workspace.governance.portfolios.put(makePortfolio({ id: 'billing', name: 'Billing fixes', rules: [rule('r1', 'runs', [{ field: 'repo', values: ['billing-service'] }])] }))
    saveTestWorkspace(workspace)

    const io = captureIO(dir)
    expect(await runCli(['report', '--json', '--workspace', 'team.workfolio', '--period', '2026-Q1', '--as-of', '2026-03-31'], io)).toBe(0)
    const billing = JSON.parse(io.out()).portfolios.find((p: { id: string }) => p.id === 'billing')
    const runs = workspace.ledger.runs().records.filter((run) => run.repo === 'billing-service')
    expect(runs.length).toBe(2)
    const cost = sumDecimalStrings(runs.map((run) => run.costUSD))
    expect(billing.outcomes.pullRequests).toMatchObject({ runsLinked: 2, merged: 1, open: 0, closedUnmerged: 0, costPerMergedUSD: { median: cost, p90: cost, total: cost }, mergedRunShare: 1 })
    expect(billing.outcomes.previous.period).toBe('2025-Q4')
    expect(billing.outcomes.previous.pullRequests.merged).toBe(0)

    const text = captureIO(dir)
    await runCli(['report', '--workspace', 'team.workfolio', '--period', '2026-Q1', '--as-of', '2026-03-31'], text)
    expect(text.out()).toContain('Outcomes (2026-Q1, previous period in brackets):')
  })
})
