import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES as BILLING_FIXTURES } from '../../test/support/billingFixtures'
import { readLedgerOutcomes } from '../../shared/workspace/outcomeLedger'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir } from './testWorkspace'

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
