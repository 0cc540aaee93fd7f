import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'

const BILLING = resolve(import.meta.dirname, '../fixtures/billing')
const LOGS = resolve(import.meta.dirname, '../fixtures/logs')
const CLAUDE_SESSION = resolve(LOGS, 'claude/projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl')

const env = useAppInBrowser()

/** Presses the drop zone (it is also a button) and answers the file picker. */
async function pickFiles(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles(paths)
}

/** Drops a file on the drop zone the way a file manager does. */
async function dropFile(page: Page, path: string) {
  const name = path.split('/').pop()!
  const content = readFileSync(path, 'utf8')
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], name, { type: 'text/csv' }))
      return transfer
    },
    { name, content },
  )
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer })
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer })
}

const notice = (page: Page, text: RegExp) => page.getByTestId('import-notice').filter({ hasText: text })

test('billing exports and agent logs: detected format and preview, import, "already imported", bad lines only with explicit skip', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  await page.getByTestId('batch-empty').waitFor()

  // A known export: its format and its first rows as they will be stored.
  await pickFiles(page, [resolve(BILLING, 'anthropic-cost-2026-08.csv')])
  const format = page.getByTestId('detected-format')
  await format.waitFor()
  expect(await format.textContent()).toContain('Anthropic Console cost export')
  const preview = page.getByTestId('import-preview')
  expect(await preview.getByTestId('preview-amount').first().textContent()).toBe('$7.77')
  expect(await preview.textContent()).toContain('2026-08-05T00:00:00.000Z')
  await saveScreenshot(page, 'import-preview.png')

  await page.getByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }).click()
  await notice(page, /Imported anthropic-cost-2026-08\.csv/).waitFor()
  const batches = page.getByTestId('batch-item')
  await batches.first().waitFor()
  expect(await batches.count()).toBe(1)
  expect(await batches.first().getByTestId('batch-totals').textContent()).toMatch(/\$/)

  // The same file again: one batch, and the person is told.
  await pickFiles(page, [resolve(BILLING, 'anthropic-cost-2026-08.csv')])
  await page.getByRole('button', { name: 'Import anthropic-cost-2026-08.csv' }).click()
  await notice(page, /already imported/).waitFor()
  expect(await batches.count()).toBe(1)

  // A file with bad lines: every bad line named, nothing imported until the person skips them.
  await dropFile(page, resolve(BILLING, 'anthropic-cost-bad.csv'))
  await page.getByRole('button', { name: 'Import anthropic-cost-bad.csv' }).click()
  const issues = page.getByRole('list', { name: 'Bad lines' })
  await issues.waitFor()
  const lines = await issues.getByRole('listitem').allTextContents()
  expect(lines.length).toBe(3)
  expect(lines[0]).toMatch(/^anthropic-cost-bad\.csv:3: /)
  expect(await batches.count()).toBe(1)
  await saveScreenshot(page, 'import-bad-lines.png')
  await page.getByRole('button', { name: 'Import the good rows and skip 3 bad lines' }).click()
  await notice(page, /Imported anthropic-cost-bad\.csv: 2 charges/).waitFor()
  expect(await batches.count()).toBe(2)
  const skippedBatch = batches.filter({ hasText: 'anthropic-cost-bad.csv' })
  expect(await skippedBatch.textContent()).toContain('3 lines skipped')

  // A Claude Code session goes to the logs importer.
  await pickFiles(page, [CLAUDE_SESSION])
  await page.getByRole('button', { name: 'Import 1 session file' }).click()
  await notice(page, /Imported .*5a1e0000-0000-4000-8000-000000000001\.jsonl: 1 run/).waitFor()
  expect(await batches.count()).toBe(3)

  // Everything is still there after a reload (the workspace lives in IndexedDB).
  await page.reload()
  await batches.first().waitFor()
  expect(await batches.count()).toBe(3)
  await skippedBatch.getByRole('button', { name: /Report/ }).click()
  expect(await page.getByRole('list', { name: 'Skipped lines' }).getByRole('listitem').first().textContent()).toMatch(/^anthropic-cost-bad\.csv:3: /)
  await saveScreenshot(page, 'import.png')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})

test('an unknown CSV: map its columns once with a live preview; the saved profile reads the next such file by itself', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  await dropFile(page, resolve(BILLING, 'other-provider-invoice.csv'))
  await page.getByRole('heading', { name: 'Map the columns of other-provider-invoice.csv' }).waitFor()
  await page.getByLabel('Date column').selectOption('Invoice Date')
  await page.getByLabel('Date format').selectOption('DD/MM/YYYY')
  await page.getByLabel('Amount column').selectOption('Amount')
  await page.getByLabel('Model column').selectOption('Model Name')
  await page.getByLabel('Tags column').selectOption('Labels')
  await page.getByLabel('Profile name').fill('Acme invoices')
  const amounts = page.getByTestId('import-preview').getByTestId('preview-amount')
  await amounts.first().waitFor()
  expect(await amounts.allTextContents()).toEqual(['$1,234.56', '-$987.65', '$0.00'])
  await saveScreenshot(page, 'import-mapping.png')

  await page.getByRole('button', { name: 'Save profile and continue' }).click()
  expect(await page.getByTestId('detected-format').textContent()).toContain('Acme invoices')
  await page.getByRole('button', { name: 'Import other-provider-invoice.csv' }).click()
  await notice(page, /Imported other-provider-invoice\.csv: 3 charges/).waitFor()

  // Keyboard: the drop zone is a button; Enter opens the picker. The same columns again need no mapping.
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').focus()
  await page.keyboard.press('Enter')
  await (await chooser).setFiles({ name: 'acme-august.csv', mimeType: 'text/csv', buffer: Buffer.from(readFileSync(resolve(BILLING, 'other-provider-invoice.csv'), 'utf8').replace('03/07/2026', '04/08/2026')) })
  expect(await page.getByTestId('detected-format').textContent()).toContain('Acme invoices')
  expect(await page.getByRole('heading', { name: /Map the columns/ }).count()).toBe(0)
  await page.getByRole('button', { name: 'Don’t import' }).click()

  // Removing a batch is undoable.
  await page.getByRole('button', { name: 'Remove batch other-provider-invoice.csv' }).click()
  await page.getByTestId('batch-empty').waitFor()
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.getByTestId('batch-item').filter({ hasText: 'other-provider-invoice.csv' }).waitFor()
  expect(await page.getByTestId('batch-item').first().textContent()).toContain('Import profile “Acme invoices”')

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
