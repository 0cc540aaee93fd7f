import { join } from 'node:path'
import { expect, test } from 'vitest'
import { runCli } from '../../cli/main'
import { formatMoney } from '../../shared/money/format'
import { sumDecimalStrings } from '../../shared/money/decimal'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { FIXTURES, LOG_FIXTURES, importLogFolder } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'
import { addRule, createPortfolio } from './support/portfolioSteps'

const env = useAppInBrowser()
const PR_EXPORT = join(FIXTURES, 'outcomes/gh-pr-list-billing-service.json')

/** The runs' costs as `cli import --json` reads the same logs: the expected figure comes from the CLI, not from this test. */
async function runCosts(repo: string): Promise<{ id: string; costUSD: string }[]> {
  let out = ''
  await runCli(['import', '--json', LOG_FIXTURES], { stdout: (t) => (out += t), stderr: () => {}, cwd: process.cwd(), env: process.env })
  return (JSON.parse(out).runs as { id: string; repo: string; costUSD: string }[]).filter((run) => run.repo === repo)
}

test('agent logs and a PR export give a portfolio its cost per merged PR on the Outcomes tab, and a wrong link can be removed', async () => {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  const errors = collectPageErrors(page)

  await importLogFolder(page, env.app.url)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /Drop billing exports/ }).click()
  await (await chooser).setFiles(PR_EXPORT)
  await page.getByText('Imported gh-pr-list-billing-service.json: 4 pull requests.').waitFor()

  await createPortfolio(page, env.app.url, 'Billing fixes', '500')
  await addRule(page, env.app.url, 'Billing fixes', 'billing-repo', 'repo', 'billing-service')
  await page.getByRole('link', { name: 'Outcomes' }).click()
  await page.getByLabel('Period').selectOption('2026-Q1')

  const runs = await runCosts('billing-service')
  expect(runs).toHaveLength(2)
  const both = formatMoney(sumDecimalStrings(runs.map((run) => run.costUSD)), 'USD')
  const costPerMerged = page.getByTestId('cost-per-merged-pr')
  await costPerMerged.filter({ hasText: both }).waitFor()
  expect(await page.getByTestId('outcome-pr-states').textContent()).toMatch(/^1 \/ 0 \/ 0/)
  const pullRow = page.locator('tr').filter({ hasText: 'billing-service #41' })
  expect(await pullRow.textContent()).toContain('Same repository billing-service and branch fix/rounding')
  await saveScreenshot(page, 'portfolio-outcomes.png')

  // One run's link is wrong: removing it takes its cost out of the figure, and it can be put back.
  const [kept, removed] = [...runs].sort((a, b) => a.id.localeCompare(b.id))
  await page.getByRole('button', { name: `Remove the link from run ${removed.id} to github.com/acme/billing-service#41` }).click()
  await costPerMerged.filter({ hasText: formatMoney(kept.costUSD, 'USD') }).waitFor()
  await page.getByRole('heading', { name: 'Links people removed' }).waitFor()
  await page.reload()
  await costPerMerged.filter({ hasText: formatMoney(kept.costUSD, 'USD') }).waitFor()
  await page.getByRole('button', { name: 'Put back' }).click()
  await costPerMerged.filter({ hasText: both }).waitFor()

  // The Overview card of the same period says what the portfolio delivered.
  await page.getByRole('link', { name: 'Overview' }).click()
  const card = page.getByTestId('portfolio-card').filter({ hasText: 'Billing fixes' })
  const headline = card.getByTestId('outcome-headline')
  await headline.waitFor()
  expect(await headline.textContent()).toContain(`1 merged PR (2025-Q4: 0) · cost per merged PR ${both} median`)
  await saveScreenshot(page, 'overview-outcomes.png')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
