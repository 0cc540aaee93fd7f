import type { Page, Worker } from 'playwright-core'
import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { QUARTER_LOGS } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'


const env = useAppInBrowser()

async function importLogs(page: Page) {
  await page.goto(env.app.url + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles(QUARTER_LOGS)
  await page.getByRole('button', { name: /^Import \d+ session files?$/ }).click()
  await page.getByTestId('import-notice').filter({ hasText: /Imported/ }).last().waitFor()
}

test('the Catalog mines candidates in a Web Worker, explains how each run matched, and promotes one', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const workers: Worker[] = []
  page.on('worker', (worker) => workers.push(worker))
  await importLogs(page)

  await page.goto(env.app.url + '#/catalog')
  await page.getByLabel('Least runs').fill('2')
  await page.getByRole('button', { name: 'Find candidates in the runs' }).click()
  const candidate = page.getByTestId('catalog-candidate').first()
  await candidate.waitFor()
  expect(workers.some((worker) => worker.url().includes('miningWorker'))).toBe(true)
  expect(await page.getByTestId('catalog-candidate').count()).toBe(1)
  expect(await candidate.getByLabel(/^Steps:/).first().getAttribute('aria-label')).toBe('Steps: search, edit, test, plan')
  expect(await candidate.textContent()).toContain('2 runs (2 exactly)')

  await candidate.getByRole('button', { name: 'Show how its runs match' }).click()
  const runs = candidate.getByTestId('candidate-runs').getByRole('listitem')
  expect(await runs.count()).toBe(2)
  expect(await runs.first().locator('.chip.matched').count()).toBe(4)
  await saveScreenshot(page, 'catalog-candidates.png')

  await candidate.getByRole('button', { name: /^Promote/ }).click()
  await candidate.getByLabel('Recipe name').fill('Search, fix, test, plan')
  await candidate.getByRole('button', { name: 'Promote to the catalog' }).click()
  await page.getByRole('heading', { name: 'Search, fix, test, plan' }).waitFor()
  expect(errors).toEqual([])
  await context.close()
})
