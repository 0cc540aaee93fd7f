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
    expect(printed).toEqual(buildPortfolioReport(readAnalysisInput(workspace.governance, workspace.ledger, '2026-08-15')))
    expect(printed).toEqual(buildPortfolioReport(reportExample()))
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

  it('rounds the text to cents while --json keeps the exact decimals', async () => {
    const exactPath = join(dir, 'exact.workfolio')
    const example = reportExample()
    writeWorkspace(exactPath, { ...example, charges: [{ ...example.charges[0], cost: '100.274978591626525396551125545181' }] })
    const text = captureIO(dir)
    await runCli(['report', '--workspace', exactPath, '--as-of', '2026-08-15'], text)
    expect(text.out()).toMatch(/anthropic\s+2026-07\s+\$100\.27\s/)
    expect(text.out()).not.toMatch(/\d\.\d{3,} ?(USD)?/)
    const json = captureIO(dir)
    await runCli(['report', '--workspace', exactPath, '--as-of', '2026-08-15', '--json'], json)
    expect(JSON.parse(json.out()).reconciliation[0].billed).toEqual({ USD: '100.274978591626525396551125545181' })
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
