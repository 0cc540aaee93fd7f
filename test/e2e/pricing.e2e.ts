import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { importLogFolder } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'

const env = useAppInBrowser()

test('a model without a price is never silent: Overview, Runs filter, Settings list and price table', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  // The fixture logs: four sessions, one of them with a request on "claude-mystery-9".
  await importLogFolder(page, env.app.url)

  await page.goto(env.app.url + '#/overview')
  const notice = page.getByTestId('unpriced-notice')
  await notice.waitFor()
  expect(await notice.textContent()).toContain('1 run on 1 model has no price (claude-mystery-9)')
  await saveScreenshot(page, 'pricing-overview-notice.png')

  await notice.getByRole('link', { name: 'See them in Runs' }).click()
  await page.getByRole('heading', { name: 'Runs' }).waitFor()
  await page.getByLabel('No price').check()
  await page.getByTestId('run-row').first().waitFor()
  expect(await page.getByTestId('run-row').count()).toBe(1)
  expect(await page.getByTestId('run-row').first().getAttribute('data-run-id')).toBe('5a1e0000-0000-4000-8000-000000000002')
  await saveScreenshot(page, 'pricing-runs-no-price.png')

  await page.goto(env.app.url + '#/settings')
  const unpriced = page.getByRole('table', { name: 'Models without a price' })
  await unpriced.waitFor()
  expect(await unpriced.getByRole('row').nth(1).textContent()).toContain('claude-mystery-9')
  await page.getByLabel('Search prices').fill('gpt-5.3-codex')
  const priceTable = page.getByRole('table', { name: 'Price table' })
  expect(await priceTable.getByTestId('price-row').first().textContent()).toContain('gpt-5.3-codex')
  await page.getByRole('heading', { name: 'Pricing' }).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'pricing-settings.png')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
