import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { runCli } from '../../cli/main'
import { formatMoney } from '../../shared/money/format'
import { formatCount, plural } from '../../shared/text/plural'
import type { PortfolioReport } from '../../shared/reports/portfolioReport'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'
import { LOG_FIXTURES, importLogFolder, importThroughView } from './support/importThroughView'
import { addRule, createPortfolio } from './support/portfolioSteps'
import { temporaryFolder } from '../support/tempDirs'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const BILLING_FILE = join(FIXTURES, 'billing/anthropic-cost-2026-03.csv')

const env = useAppInBrowser()

async function cli(args: string[]): Promise<string> {
  let out = ''
  let err = ''
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), env: process.env })
  expect(code, `cli ${args.join(' ')}\n${err}`).toBe(0)
  return out
}

function money(amounts: Record<string, string>, currency = 'USD'): string {
  return formatMoney(amounts[currency] ?? '0', currency)
}

/** A count as the app shows it in the browser (en-US): "1 run", "1,204 runs". */
function count(n: number, one: string): string {
  return plural(n, one, undefined, 'en-US')
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim()
}

async function expectOverviewToMatch(page: Page, report: PortfolioReport) {
  const cards = page.getByTestId('portfolio-card')
  await cards.first().waitFor()
  await page.locator(`.period-picker[data-period="${report.period}"]`).waitFor()
  await expect(cards.count()).resolves.toBe(report.portfolios.length)
  for (const row of report.portfolios) {
    const card = cards.filter({ has: page.getByRole('heading', { name: row.name }) })
    const currency = Object.keys(row.envelope)[0]
    await expect(text(card.getByTestId('card-spend'))).resolves.toBe(money(row.spend, currency))
    await expect(text(card.getByTestId('card-envelope'))).resolves.toBe(money(row.envelope, currency))
    // A closed period shows no forecast (it would only repeat the spend).
    if (row.forecastMethod === 'closed') await expect(text(card.getByTestId('card-period-closed'))).resolves.toBe('Period closed')
    else await expect(text(card.getByTestId('card-forecast'))).resolves.toBe(money(row.forecast, currency))
    await expect(text(card.getByTestId('card-runs'))).resolves.toBe(formatCount(row.runs, 'en-US'))
    await expect(text(card.getByTestId('card-charges'))).resolves.toBe(formatCount(row.charges, 'en-US'))
    await expect(text(card.locator('.card-counts'))).resolves.toBe(`${count(row.runs, 'run')} · ${count(row.charges, 'charge')}`)
    const lintCodes = await card.locator('details.lint').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!.replace('lint-', '')))
    expect(lintCodes).toEqual(row.lints.map((l) => l.code))
  }
  await expect(text(page.getByTestId('unassigned-spend'))).resolves.toBe(amounts(report.unassigned.spend, 'Nothing'))
  await expect(text(page.getByTestId('unassigned-runs'))).resolves.toBe(formatCount(report.unassigned.runs, 'en-US'))
  await expect(text(page.getByTestId('unassigned-charges'))).resolves.toBe(formatCount(report.unassigned.charges, 'en-US'))
  await expect(text(page.getByTestId('unassigned').locator('p').first())).resolves.toContain(
    `from ${count(report.unassigned.runs, 'run')} and ${count(report.unassigned.charges, 'charge')} that no rule matched in ${report.period}.`,
  )
  const rows = page.getByTestId('reconciliation-row')
  await expect(rows.count()).resolves.toBe(report.reconciliation.length)
  for (const [i, row] of report.reconciliation.entries()) {
    await expect(text(rows.nth(i).getByTestId('rec-billed'))).resolves.toBe(amounts(row.billed))
    await expect(text(rows.nth(i).getByTestId('rec-estimated'))).resolves.toBe(amounts(row.estimated))
    await expect(text(rows.nth(i).getByTestId('rec-gap'))).resolves.toBe(amounts(row.unexplained))
  }
}

function amounts(a: Record<string, string>, empty = '—'): string {
  return Object.keys(a).length ? Object.entries(a).map(([c, v]) => formatMoney(v, c)).join(' + ') : empty
}

test('the Overview shows the same numbers as the CLI report for the same files and portfolio definitions', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true })
  const page = await context.newPage()
  const errors = collectPageErrors(page)

  // 1. Import a log folder and a billing file through the Import view.
  await importLogFolder(page, env.app.url, LOG_FIXTURES)
  await importThroughView(page, () => page.locator('.drop-zone button, button.drop-zone').first().click(), BILLING_FILE, /^Import anthropic-cost-2026-03\.csv$/)
  await page.getByTestId('batch-item').filter({ hasText: 'billing' }).waitFor({ timeout: 60_000 })

  // 2. Define two portfolios with rules, in the app.
  await createPortfolio(page, env.app.url, 'Cart refactor', '40')
  await createPortfolio(page, env.app.url, 'Codex sessions', '500')
  await addRule(page, env.app.url, 'Cart refactor', 'feature-branches', 'branch', 'feature/*')
  await addRule(page, env.app.url, 'Codex sessions', 'codex-tool', 'tool', 'codex', 'portfolio-rule-preview.png')

  // 3. Export them as code, the file a team keeps in its repository.
  await page.goto(env.app.url + '#/portfolios')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export as JSON' }).click()
  const dir = temporaryFolder('workfolio-e2e-')
  const defs = join(dir, 'portfolios.json')
  await (await download).saveAs(defs)
  expect(JSON.parse(readFileSync(defs, 'utf8')).portfolios).toHaveLength(2)

  // 4. The same files and definitions through the CLI.
  const workspaceFile = join(dir, 'workspace.workfolio')
  await cli(['import', '--workspace', workspaceFile, LOG_FIXTURES, BILLING_FILE])
  await cli(['portfolios', 'import', '--workspace', workspaceFile, defs])
  const report = async (...extra: string[]) => JSON.parse(await cli(['report', '--workspace', workspaceFile, '--json', ...extra])) as PortfolioReport

  // 5. The Overview agrees, card by card, with Unassigned and the reconciliation gap: first for the
  // period both choose on their own (the latest quarter with data), then for the quarter of the logs.
  await page.goto(env.app.url + '#/overview')
  const automatic = await report()
  expect(automatic.portfolios.map((p) => p.name)).toEqual(['Cart refactor', 'Codex sessions'])
  await expectOverviewToMatch(page, automatic)
  await page.getByLabel('Period').selectOption('2026-Q1')
  const q1 = await report('--period', '2026-Q1')
  await expectOverviewToMatch(page, q1)
  expect(q1.portfolios.every((p) => p.runs > 0)).toBe(true)
  expect(q1.unassigned.runs).toBeGreaterThan(0)
  await saveScreenshot(page, 'overview.png')

  // 6. The portfolio page: burn-up chart drawn (uPlot on a canvas) with its text summary.
  await page.getByRole('link', { name: 'Cart refactor' }).click()
  await page.getByRole('heading', { name: 'Cart refactor', level: 1 }).waitFor()
  await page.getByTestId('burn-up-chart').locator('canvas').waitFor()
  // The fixtures' quarters are past: the summary says the period is over instead of forecasting its spend again.
  await expect(text(page.getByTestId('burn-up-summary'))).resolves.toMatch(/^Spent .* is over\.$/)
  await saveScreenshot(page, 'portfolio-page.png')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
