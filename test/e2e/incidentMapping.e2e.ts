import { resolve } from 'node:path'
import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'

const OPSGENIE = resolve(import.meta.dirname, '../fixtures/outcomes/opsgenie-incidents.csv')

const env = useAppInBrowser()

test('an incident CSV of another tool: mapped as incidents with a preview of the first incidents, imported as one batch', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 }, timezoneId: 'Europe/Berlin', locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles([OPSGENIE])

  await page.getByRole('heading', { name: 'Map the columns of opsgenie-incidents.csv' }).waitFor()
  await page.getByLabel('The file holds').selectOption('incidents')
  await page.getByLabel('Date format').selectOption('MM/DD/YYYY')
  await page.getByLabel('Incident tool').fill('Opsgenie')
  const rows = page.getByTestId('incident-preview-row')
  await rows.first().waitFor()
  expect(await rows.count()).toBe(3)
  // Shown in the reader's zone (Berlin, UTC+1), stored in UTC.
  expect(await rows.first().textContent()).toContain('Feb 3, 2026, 03:05 PM')
  expect(await rows.first().textContent()).toContain('2026-02-03T14:05:00.000Z')
  await saveScreenshot(page, 'import-incident-mapping.png')

  await page.getByRole('button', { name: 'Save profile and import incidents' }).click()
  await page.getByTestId('import-notice').filter({ hasText: 'Imported opsgenie-incidents.csv: 3 incidents.' }).waitFor()
  await page.getByTestId('batch-item').filter({ hasText: 'opsgenie-incidents.csv' }).waitFor()
  await saveScreenshot(page, 'import-incident-mapped.png')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
