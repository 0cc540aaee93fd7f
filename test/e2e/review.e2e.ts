import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { QUARTER_LOGS } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'

const FIXTURES = resolve(import.meta.dirname, '../fixtures')
const BILL = resolve(FIXTURES, 'billing/anthropic-cost-2026-03.csv')

const env = useAppInBrowser()

async function importFiles(page: Page, paths: string[], button: RegExp) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles(paths)
  await page.getByRole('button', { name: button }).click()
  await page.getByTestId('import-notice').filter({ hasText: /Imported/ }).last().waitFor()
}

const stageHeading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).waitFor()

test('a quarterly review: import logs and a bill, walk the six stages, promote a recipe, export the report', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US', acceptDownloads: true })
  const page = await context.newPage()
  const errors = collectPageErrors(page)

  // The quarter's data, through the Import view.
  await page.goto(env.app.url + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  await importFiles(page, QUARTER_LOGS, /^Import \d+ session files?$/)
  await importFiles(page, [BILL], /^Import anthropic-cost-2026-03\.csv$/)
  await page.getByTestId('batch-item').nth(1).waitFor()

  // One portfolio to decide on.
  await page.goto(env.app.url + '#/portfolios/new')
  await page.getByLabel('Name', { exact: true }).fill('Refactor + tests')
  await page.getByLabel('Amount', { exact: true }).fill('2000')
  await page.getByRole('button', { name: 'Create portfolio' }).click()
  await page.getByText('Refactor + tests').first().waitFor()

  // A low high-cost threshold, so these small runs make a stage-3 queue.
  await page.goto(env.app.url + '#/settings')
  await page.getByLabel('High-cost runs are').selectOption('fixed')
  await page.getByLabel('High-cost run threshold (USD)').fill('0.01')
  await page.getByLabel('High-cost run threshold (USD)').blur()

  // No review yet: start the 2026 Q1 review; this device facilitates.
  await page.goto(env.app.url + '#/review')
  await page.getByRole('heading', { name: /^No review yet — start the / }).waitFor()
  await page.getByLabel('Quarter').selectOption('2026-Q1')
  await page.getByRole('button', { name: 'Start the 2026 Q1 review' }).click()

  // 1. Check-in & data coverage.
  await stageHeading(page, '1. Check-in & data coverage')
  const coverage = await page.getByTestId('review-coverage').textContent()
  expect(coverage).toContain('anthropic')
  expect(coverage).toContain('2026-03')
  expect(coverage).toContain('Unassigned spend')
  await page.getByRole('button', { name: 'Next: Portfolio scorecards' }).click()

  // 2. Scorecards.
  await stageHeading(page, '2. Portfolio scorecards')
  expect(await page.getByTestId('scorecard').count()).toBe(1)
  await page.getByRole('button', { name: 'Pause' }).click()
  await page.getByText('Paused.', { exact: false }).waitFor()
  await page.getByRole('button', { name: 'Resume' }).click()
  await page.getByRole('button', { name: 'Next: High-cost runs' }).click()

  // 3. High-cost runs per portfolio, each with its outcome note; the team fills in the queue.
  await stageHeading(page, '3. High-cost runs')
  const queue = page.getByTestId('note-queue')
  const before = Number((await queue.textContent())!.match(/^(\d+) of/)![1])
  expect(before).toBeGreaterThan(0)
  await page.getByLabel('Outcome note').fill('Found the flaky test behind the failed deploys')
  await queue.filter({ hasText: new RegExp(`^${before - 1} of|^All`) }).waitFor()
  expect(await page.locator('.review-highcost').textContent()).not.toMatch(/alice|bob|carol/i)
  await saveScreenshot(page, 'review-highcost.png')
  await page.getByRole('button', { name: 'Next: Recipe candidates' }).click()

  // 4. Recipe candidates: two runs follow "search, edit, test, plan"; lower the minimum to see it, and promote it.
  await stageHeading(page, '4. Recipe candidates')
  await page.getByLabel('Least runs').fill('2')
  const candidate = page.getByTestId('recipe-candidate').first()
  await candidate.waitFor()
  expect(await candidate.getByLabel(/^Steps:/).first().getAttribute('aria-label')).toBe('Steps: search, edit, test, plan')
  await candidate.getByRole('button', { name: /^Vote for/ }).click()
  await candidate.getByRole('button', { name: 'Promote…' }).click()
  await candidate.getByLabel('Recipe name').fill('Search, fix, test')
  await candidate.getByLabel('Description').fill('Find the code, change it, prove it')
  await candidate.getByRole('button', { name: 'Promote to the catalog' }).click()
  await candidate.getByTestId('recipe-decision').filter({ hasText: 'Search, fix, test' }).waitFor()
  await saveScreenshot(page, 'review.png')
  await page.getByRole('button', { name: 'Next: Decisions per portfolio' }).click()

  // 5. Decisions.
  await stageHeading(page, '5. Decisions per portfolio')
  const decision = page.getByTestId('portfolio-decision').first()
  await decision.getByLabel('Grow').check()
  await decision.getByLabel("Next quarter's envelope (USD)").fill('2500')
  await decision.getByLabel('Why').fill('the refactor loop pays off')
  await decision.getByRole('button', { name: 'Record decision' }).click()
  await decision.getByTestId('decision-recorded').waitFor()
  await decision.getByRole('button', { name: 'Vote for Refactor + tests' }).click()
  // The recipe vote cast at stage 4 spends none of this stage's votes.
  expect(await page.getByTestId('vote-budget').textContent()).toBe('You have 2 of 3 votes left at this stage to mark what matters most.')
  await page.getByRole('button', { name: 'Next: Summary' }).click()

  // 6. Summary and the Markdown export.
  await stageHeading(page, '6. Summary')
  await page.getByLabel('Notes').fill('Next quarter: split docs work out.')
  await page.getByLabel('Notes').blur()
  await saveScreenshot(page, 'review-summary.png')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('review-2026-Q1.md')
  const markdown = readFileSync(await download.path(), 'utf8')
  expect(markdown).toContain('# Quarterly review 2026-Q1')
  expect(markdown).toContain('- Providers: anthropic, openai')
  expect(markdown).toContain('| search → edit → test → plan | promote | Search, fix, test | — |')
  expect(markdown).toContain('| Refactor + tests | grow | $2,500.00 | the refactor loop pays off |')
  expect(markdown).toContain('Next quarter: split docs work out.')
  expect(markdown).not.toMatch(/alice|bob|carol/i)

  // The printable report, with its charts and a Print button.
  await page.getByRole('link', { name: 'Printable report' }).last().click()
  const report = page.getByTestId('review-report')
  await report.waitFor()
  await report.getByTestId('spend-chart').waitFor()
  await report.getByTestId('votes-chart-recipes').waitFor()
  await report.getByTestId('votes-chart-decisions').waitFor()
  expect(await report.getByRole('heading', { name: 'Quarterly review 2026 Q1' }).count()).toBe(1)
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true)
  await saveScreenshot(page, 'review-print.png')
  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('.sidebar').isVisible()).toBe(false)
  await page.emulateMedia({ media: 'screen' })

  // Close it: it stays readable in the list of reviews.
  await page.getByRole('link', { name: 'Back to the review' }).click()
  await page.getByRole('button', { name: 'Close the review…' }).click()
  await page.getByRole('button', { name: 'Close and apply' }).click()
  await page.getByText('Closed — read-only', { exact: false }).waitFor()
  await page.getByRole('link', { name: 'All reviews' }).click()
  await page.getByTestId('past-review').filter({ hasText: 'closed' }).waitFor()

  // The promoted recipe is in the catalog, with its statistics and provenance.
  await page.getByRole('link', { name: 'Catalog', exact: true }).click()
  const card = page.getByTestId('recipe-card')
  await card.waitFor()
  expect(await card.getByRole('heading', { name: 'Search, fix, test' }).count()).toBe(1)
  expect(await card.getByTestId('recipe-stats').textContent()).toContain('Runs following it2')
  expect(await card.getByTestId('recipe-provenance').textContent()).toContain('promoted in the 2026 Q1 review')
  await saveScreenshot(page, 'catalog.png')

  expect(errors).toEqual([])
  await context.close()
})
