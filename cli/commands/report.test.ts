import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAnalysisInput } from '../../shared/analysis/workspaceInput'
import { makeRun } from '../../test/support/analysisFixtures'
import { buildPortfolioReport } from '../../shared/reports/portfolioReport'
import { reportExample } from '../../test/support/reportFixture'
import { widenedRuleExample } from '../../test/support/historyFixture'
import { runCli } from '../main'
import { openWorkspaceFile } from '../workspaceStore'
import { captureIO, tempDir, writeWorkspace } from '../../test/support/cliWorkspace'

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

  it('--as-of a mid-quarter day counts only what started by then', async () => {
    const io = captureIO(dir)
    await runCli(['report', '--workspace', path, '--period', '2026-Q3', '--as-of', '2026-07-31', '--json'], io)
    const web = JSON.parse(io.out()).portfolios.find((p: { id: string }) => p.id === 'web')
    // w2 (3 August, 5 USD) is not counted yet; at 15 August the web portfolio had 2 runs.
    expect(web.runs).toBe(1)
    expect(web.metrics.adoption.runs).toBe(1)
    expect(web.spend.USD).toBe('20.00')
  })

  it('reads a past period with the definitions in force then, or today\'s when asked', async () => {
    const historyPath = join(dir, 'history.workfolio')
    writeWorkspace(historyPath, widenedRuleExample('2026-Q4').input)
    const webIn = async (...flags: string[]) => {
      const io = captureIO(dir)
      await runCli(['report', '--workspace', historyPath, '--period', '2026-Q3', '--as-of', '2026-11-15', '--json', ...flags], io)
      return JSON.parse(io.out()).portfolios.find((p: { id: string }) => p.id === 'web')
    }
    expect(await webIn()).toMatchObject({ runs: 1, envelope: { USD: '150' } })
    expect(await webIn('--todays-definitions')).toMatchObject({ runs: 2, envelope: { USD: '260' } })
  })

  it('prints a readable table without --json', async () => {
    const io = captureIO(dir)
    expect(await runCli(['report', '--workspace', path, '--as-of', '2026-08-15'], io)).toBe(0)
    expect(io.out()).toContain('Portfolio report 2026-Q3 (as of 2026-08-15)')
    expect(io.out()).toContain('Reconciliation (billed vs log-estimated):')
  })

  it('lists the period\'s runs on models without a price, in JSON and text', async () => {
    const example = reportExample()
    const tokens = { input: 1200, output: 300, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 5000, reasoning: 0 }
    const unpriced = (id: string, start: string) =>
      makeRun({ id, start, costUSD: '0', models: ['in-house-llm'], unpricedModels: ['in-house-llm'], byModel: [{ model: 'in-house-llm', tokens, costUSD: '0', priced: false }] })
    const runs = [...example.runs, unpriced('no-price-1', '2026-07-02T10:00:00.000Z'), unpriced('no-price-2', '2026-08-03T10:00:00.000Z'), unpriced('no-price-q2', '2026-05-03T10:00:00.000Z')]
    const unpricedPath = join(dir, 'unpriced.workfolio')
    writeWorkspace(unpricedPath, { ...example, runs })
    const json = captureIO(dir)
    await runCli(['report', '--workspace', unpricedPath, '--period', '2026-Q3', '--as-of', '2026-08-15', '--json'], json)
    expect(JSON.parse(json.out()).unpriced).toEqual({ runs: 2, models: [{ model: 'in-house-llm', runs: 2, tokens: { ...tokens, input: 2400, output: 600, cacheRead: 10000 } }] })
    const text = captureIO(dir)
    await runCli(['report', '--workspace', unpricedPath, '--period', '2026-Q3', '--as-of', '2026-08-15'], text)
    expect(text.out()).toContain('Warning: 2 runs on 1 model have no price')
    expect(text.out()).toContain('  in-house-llm  2 runs  13,000 tokens (input 2,400, output 600, cache write 0, cache read 10,000)')
    // Without unpriced runs the report says nothing about prices.
    const plain = captureIO(dir)
    await runCli(['report', '--workspace', path, '--as-of', '2026-08-15'], plain)
    expect(plain.out()).not.toContain('no price')
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

  it('refuses an --as-of date that does not exist as a usage error', async () => {
    for (const asOf of ['2026-02-30', '2026-04-31', '2025-02-29', '2026-13-01', '2026-00-10']) {
      const io = captureIO(dir)
      expect(await runCli(['report', '--workspace', path, '--as-of', asOf], io)).toBe(2)
      expect(io.err()).toContain(`--as-of must be a date like 2026-08-15, not "${asOf}"`)
    }
    expect(await runCli(['report', '--workspace', path, '--as-of', '2028-02-29'], captureIO(dir))).toBe(0)
  })
})
