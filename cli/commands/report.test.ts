import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAnalysisInput } from '../../shared/analysis/workspaceInput'
import { buildPortfolioReport } from '../../shared/reports/portfolioReport'
import { reportExample } from '../../shared/reports/reportFixture'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir, writeWorkspace } from './testWorkspace'

describe('cli report', () => {
  const dir = tempDir()
  const path = join(dir, 'team.workfolio')
  writeWorkspace(path, reportExample())

  it('prints the JSON report with the same numbers as the shared report function', async () => {
    const io = captureIO(dir)
    expect(await runCli(['report', '--workspace', 'team.workfolio', '--as-of', '2026-08-15', '--json'], io)).toBe(0)
    const printed = JSON.parse(io.out())
    const workspace = openWorkspaceFile(path)
    const input = readAnalysisInput(workspace.governance, workspace.ledger, '2026-08-15')
    expect(printed).toEqual(buildPortfolioReport(input))
    expect(printed).toEqual(buildPortfolioReport({ ...reportExample(), outcomes: input.outcomes }))
    expect(printed.period).toBe('2026-Q3')
    expect(Object.keys(printed.portfolios[0]).slice(0, 10)).toEqual(['id', 'name', 'status', 'owningTeam', 'outcomeTags', 'spend', 'envelope', 'forecast', 'forecastMethod', 'runs'])
  })

  it('reports the period asked for', async () => {
    const io = captureIO(dir)
    await runCli(['report', '--workspace', path, '--period', '2026-07', '--as-of', '2026-08-15', '--json'], io)
    const printed = JSON.parse(io.out())
    expect(printed.period).toBe('2026-07')
    expect(printed.portfolios.find((p: { id: string }) => p.id === 'web').runs).toBe(1)
  })

  it('prints a readable table without --json', async () => {
    const io = captureIO(dir)
    expect(await runCli(['report', '--workspace', path, '--as-of', '2026-08-15'], io)).toBe(0)
    expect(io.out()).toContain('Portfolio report 2026-Q3 (as of 2026-08-15)')
    expect(io.out()).toContain('Reconciliation (billed vs log-estimated):')
  })

  it('explains bad arguments and a missing workspace', async () => {
    const usage = captureIO(dir)
    expect(await runCli(['report'], usage)).toBe(2)
    expect(usage.err()).toContain('--workspace FILE is required')
    const period = captureIO(dir)
    expect(await runCli(['report', '--workspace', path, '--period', 'third quarter'], period)).toBe(2)
    expect(period.err()).toContain('not a period')
    const missing = captureIO(dir)
    expect(await runCli(['report', '--workspace', 'nope.workfolio'], missing)).toBe(1)
    expect(missing.err()).toContain('No workspace file')
  })
})
