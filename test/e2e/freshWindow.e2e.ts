import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { collectPageErrors } from './support/browser'
import { FIXTURES, importThroughView } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'

const env = useAppInBrowser()
const EMPTY = 'Spend by workflow portfolio'
const BILLING_EXPORT = join(FIXTURES, 'billing/anthropic-cost-2026-08.csv')

/** What a newly opened window's Overview shows first: the spend headline, or the empty state's title. */
async function overviewInNewWindow(context: BrowserContext, errors: string[]): Promise<string> {
  const page = await context.newPage()
  errors.push(...collectPageErrors(page))
  await page.goto(env.app.url + '#/overview')
  const shown = await overviewOf(page)
  await page.close()
  return shown
}

async function overviewOf(page: Page): Promise<string> {
  const figures = page.getByTestId('spend-headline').or(page.getByRole('region', { name: EMPTY }))
  await figures.waitFor()
  const text = (await figures.innerText()).trim()
  return text.startsWith(EMPTY) ? EMPTY : text
}

/**
 * A window opened on a stored workspace draws the Overview its analysis kept on the device for
 * what is stored, before it has loaded its ledger; the kept Overview is never shown once what is
 * stored has changed, and the window's own edits and Undo reach its Overview and later windows.
 */
test('a new window shows the Overview for what is stored: after an import, a removal and its undo', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })
  const errors: string[] = []
  const page = await context.newPage()
  errors.push(...collectPageErrors(page))
  await page.goto(env.app.url + '#/import')
  await importThroughView(page, () => page.getByTestId('drop-zone').click(), BILLING_EXPORT, 'Import anthropic-cost-2026-08.csv')
  await page.getByTestId('import-notice').filter({ hasText: 'Imported anthropic-cost-2026-08.csv' }).waitFor()
  await page.goto(env.app.url + '#/overview')
  const imported = await overviewOf(page)
  expect(imported).toMatch(/^SPEND IN/)
  expect(await overviewInNewWindow(context, errors)).toBe(imported)

  // Removed in a window that opened on the kept Overview: that window, and the next, show none.
  const second = await context.newPage()
  errors.push(...collectPageErrors(second))
  await second.goto(env.app.url + '#/overview')
  expect(await overviewOf(second)).toBe(imported)
  await second.goto(env.app.url + '#/import')
  await second.getByRole('button', { name: 'Remove batch anthropic-cost-2026-08.csv' }).click()
  await second.getByTestId('batch-empty').waitFor()
  await second.goto(env.app.url + '#/overview')
  expect(await overviewOf(second)).toBe(EMPTY)
  expect(await overviewInNewWindow(context, errors)).toBe(EMPTY)

  // Undo brings it back, here and in the next window.
  await second.goto(env.app.url + '#/import')
  await second.getByRole('button', { name: 'Undo' }).click()
  await second.getByTestId('batch-item').filter({ hasText: 'anthropic-cost-2026-08.csv' }).waitFor()
  await second.goto(env.app.url + '#/overview')
  expect(await overviewOf(second)).toBe(imported)
  expect(await overviewInNewWindow(context, errors)).toBe(imported)

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
