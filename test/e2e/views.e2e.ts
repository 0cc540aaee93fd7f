import AxeBuilder from '@axe-core/playwright'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'
import { FIXTURES, importLogFolder } from './support/importThroughView'
import { createPortfolio } from './support/portfolioSteps'

const env = useAppInBrowser()

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]

/** Every route a person can land on, with what shows it has rendered. */
const ROUTES: { name: string; hash: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'overview', hash: '#/overview', ready: (page) => page.getByTestId('portfolio-card').first().waitFor() },
  { name: 'import', hash: '#/import', ready: (page) => page.getByTestId('batch-item').first().waitFor() },
  { name: 'runs', hash: '#/runs', ready: (page) => page.getByTestId('total-cost').waitFor() },
  { name: 'portfolios', hash: '#/portfolios', ready: (page) => page.getByTestId('portfolio-item').first().waitFor() },
  { name: 'portfolio', hash: '', ready: (page) => page.getByRole('heading', { name: 'Cart refactor', level: 1 }).waitFor() },
  { name: 'review', hash: '#/review', ready: (page) => page.getByRole('heading', { name: 'Check-in & data coverage' }).waitFor() },
  { name: 'review-print', hash: '', ready: (page) => page.getByTestId('spend-chart').waitFor() },
  { name: 'catalog', hash: '#/catalog', ready: (page) => page.getByRole('heading', { name: 'Catalog', exact: true }).waitFor() },
  { name: 'settings', hash: '#/settings', ready: (page) => page.getByRole('heading', { name: 'Settings', exact: true }).waitFor() },
]

async function seed(page: Page): Promise<{ portfolio: string; print: string }> {
  await importLogFolder(page, env.app.url)
  // Two billing exports picked together: one confirmation, a line for each.
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles([join(FIXTURES, 'billing/anthropic-cost-2026-03.csv'), join(FIXTURES, 'billing/openai-cost-2025-10.csv')])
  await page.getByTestId('confirm-all').waitFor()
  expect(await page.getByTestId('confirm-file').count()).toBe(2)
  await saveScreenshot(page, 'import-confirm-all.png')
  await page.getByRole('button', { name: 'Import all 2 files' }).click()
  await page.getByTestId('batch-item').filter({ hasText: 'anthropic-cost-2026-03.csv' }).waitFor({ timeout: 60_000 })
  await page.getByTestId('batch-item').filter({ hasText: 'openai-cost-2025-10.csv' }).waitFor({ timeout: 60_000 })
  await createPortfolio(page, env.app.url, 'Cart refactor', '40')
  await createPortfolio(page, env.app.url, 'Codex sessions', '500')
  await page.goto(env.app.url + '#/portfolios')
  await page.getByRole('link', { name: 'Cart refactor', exact: true }).click()
  await page.getByRole('heading', { name: 'Cart refactor', level: 1 }).waitFor()
  const portfolio = new URL(page.url()).hash
  await page.goto(env.app.url + '#/review')
  await page.getByLabel('Quarter').selectOption('2026-Q1')
  await page.getByRole('button', { name: 'Start the 2026 Q1 review' }).click()
  await page.getByRole('link', { name: 'Printable report' }).last().waitFor()
  const print = (await page.getByRole('link', { name: 'Printable report' }).last().getAttribute('href'))!
  return { portfolio, print }
}

test('every view, with data, at two window sizes: screenshots and no serious accessibility violation', async () => {
  const context = await env.browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const { portfolio, print } = await seed(page)
  const hashes: Record<string, string> = { portfolio, 'review-print': print }

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport)
    for (const route of ROUTES) {
      await page.goto(env.app.url + (hashes[route.name] ?? route.hash))
      await route.ready(page)
      await saveScreenshot(page, `view-${route.name}-${viewport.width}x${viewport.height}.png`)
      const { violations } = await new AxeBuilder({ page }).analyze()
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${route.name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
    }
  }
  expect(errors).toEqual([])
  await context.close()
})

test('layout: the sidebar stays put, Runs gives its room to models and steps, the Overview leads with a headline', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 500 }, locale: 'en-US' })
  const page = await context.newPage()
  await seed(page)

  // A page longer than the window: scrolled to the end, the navigation is still at the top of the window.
  await page.goto(env.app.url + '#/settings')
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
  expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true)
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  expect((await page.getByRole('link', { name: 'Overview', exact: true }).boundingBox())!.y).toBeLessThan(100)

  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(env.app.url + '#/runs')
  await page.getByTestId('total-cost').waitFor()
  const widths = await page.locator('.runs-table thead th').evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.textContent!.replace(/[▲▼]/g, '').trim(), c.getBoundingClientRect().width])))
  expect(widths.Time).toBeLessThan(widths.Models)
  expect(widths.Time).toBeLessThan(widths.Steps)

  // 2026-Q1 is over: its cards show no forecast that would only repeat the spend.
  await page.goto(env.app.url + '#/overview')
  await page.getByLabel('Period').selectOption('2026-Q1')
  await page.getByTestId('card-period-closed').first().waitFor()
  expect(await page.getByTestId('card-forecast').count()).toBe(0)
  const headline = page.getByTestId('spend-headline')
  expect(await headline.getByTestId('headline-total').textContent()).toMatch(/^\$\d+\.\d{2}$/)
  expect(await headline.getByTestId('headline-envelopes').textContent()).toBe('$540.00')

  // The browser build offers no machine scan it would only refuse; it says where the logs are.
  await page.goto(env.app.url + '#/import')
  await page.getByTestId('log-folders-hint').waitFor()
  expect(await page.getByRole('button', { name: 'Scan this machine for agent logs' }).count()).toBe(0)
  // The log folder's batch is named after what it holds.
  expect(await page.getByTestId('batch-item').filter({ hasText: 'agent logs' }).locator('.batch-name').textContent()).toMatch(/^Agent session logs · Feb – Apr 2026 · \d+ files$/)

  // Deleting a portfolio offers Undo.
  await page.goto(env.app.url + '#/portfolios')
  await page.getByRole('button', { name: 'Delete Codex sessions' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByTestId('portfolio-deleted').getByRole('button', { name: 'Undo' }).click()
  await page.getByTestId('portfolio-item').filter({ hasText: 'Codex sessions' }).waitFor()

  // The high-cost stage: each portfolio's own top 5% by default, rows named by repo and tool, never a hash.
  await page.goto(env.app.url + '#/review')
  await page.getByRole('button', { name: 'Next: Portfolio scorecards' }).click()
  await page.getByRole('button', { name: 'Next: High-cost runs' }).click()
  await page.getByTestId('high-cost-rule').filter({ hasText: "each portfolio's own top 5%" }).waitFor()
  expect(await page.getByTestId('high-cost-run-where').first().textContent()).toMatch(/^[\w-]+ · (claude-code|codex)$/)
  expect(await page.getByTestId('high-cost-note-run').textContent()).toMatch(/^Run in [\w-]+ · .*\d{4}$/)
  await saveScreenshot(page, 'review-high-cost.png')
  // The six stages sit on one row at 1024 px.
  const stageTops = await page.getByRole('navigation', { name: 'Review stages' }).getByRole('listitem').evaluateAll((steps) => steps.map((step) => step.getBoundingClientRect().top))
  expect(stageTops).toHaveLength(6)
  expect(new Set(stageTops).size).toBe(1)

  // An open health check does not stretch the row of cards.
  await page.goto(env.app.url + '#/overview')
  await page.getByLabel('Period').selectOption('2026-Q1')
  const cards = page.getByTestId('portfolio-card')
  const before = (await cards.nth(1).boundingBox())!.height
  await cards.first().locator('details.lint summary').first().click()
  expect((await cards.nth(1).boundingBox())!.height).toBe(before)
  await saveScreenshot(page, 'overview-lint-open.png')
  await context.close()
})

test('the printable report prints across the page, without the navigation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' })
  const page = await context.newPage()
  const { print } = await seed(page)
  await page.goto(env.app.url + print)
  const report = page.getByTestId('review-report')
  await report.getByTestId('spend-chart').waitFor()
  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('nav.sidebar').isVisible()).toBe(false)
  const [reportWidth, pageWidth] = await report.evaluate((node) => [node.getBoundingClientRect().width, document.documentElement.clientWidth])
  expect(reportWidth).toBeGreaterThanOrEqual(pageWidth - 2)
  await saveScreenshot(page, 'review-print-media.png')
  await context.close()
})
