import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { temporaryFolder } from '../support/tempDirs'
import { saveScreenshot } from './support/browser'
import { importThroughView } from './support/importThroughView'
import { useTeamWorkspace } from './support/team'

const team = useTeamWorkspace('large-import-e2e', 'e2e-large-import-token')

/** 100,000 rows of the Anthropic cost export: a batch of about 10 MB, stored in the ledger in parts. */
const ROWS = 100_000
const FILE_NAME = 'anthropic-cost-large.csv'

const HEADER = 'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status'
const MODELS = ['Claude Sonnet 4.5', 'Claude Opus 4.6', 'Claude Haiku 4.5']

/** An Anthropic Console cost export: a key of its own per row, days spread over January to October 2026. */
function writeLargeExport(): string {
  const path = join(temporaryFolder('workfolio-e2e-large-'), FILE_NAME)
  const lines = [HEADER]
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / ROWS) * 300) * 86_400_000).toISOString().slice(0, 10)
    const cost = `${i % 997}.${String(i % 100).padStart(2, '0')}`
    lines.push(`${day},${MODELS[i % 3]},Default,claude_code_key_dev${i % 40},message,≤ 200k,output,${cost},${cost},token,global,,apikey_01e2e${i.toString(36)},active`)
  }
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

/** What a person reads of the batch: its line (records, totals) and its months, summed from its decoded charges. */
async function batchAsShown(page: Page): Promise<{ item: string; months: string }> {
  await page.goto(team.env.app.url + '#/import')
  const item = page.getByTestId('batch-item').filter({ hasText: '100,000 charges' })
  await item.waitFor({ timeout: 60_000 })
  const months = item.getByTestId('batch-months')
  await months.waitFor({ timeout: 60_000 })
  return { item: (await item.getByTestId('batch-totals').innerText()).trim(), months: (await months.innerText()).trim() }
}

async function overviewHeadline(page: Page): Promise<string> {
  await page.goto(team.env.app.url + '#/overview')
  const headline = page.getByTestId('spend-headline')
  await headline.waitFor({ timeout: 60_000 })
  return (await headline.innerText()).trim()
}

test('a large billing import reaches a teammate, survives reopening the workspace, and is removed and brought back whole', async () => {
  const path = writeLargeExport()
  const alice = await team.join('Alice', { viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })
  const bob = await team.join('Bob', { viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' })

  await alice.page.goto(team.env.app.url + '#/import')
  await importThroughView(alice.page, () => alice.page.getByTestId('drop-zone').click(), path, `Import ${FILE_NAME}`, 60_000)
  await alice.page.getByTestId('import-notice').filter({ hasText: `Imported ${FILE_NAME}: 100,000 charges` }).waitFor({ timeout: 120_000 })
  const imported = await batchAsShown(alice.page)
  // Ten months of 2026: six shown, then the count of the rest.
  expect(imported.months).toMatch(/^Jan.*4 more months$/s)
  await saveScreenshot(alice.page, 'large-import-view.png')
  const headline = await overviewHeadline(alice.page)
  expect(headline).toMatch(/^SPEND IN \d{4}-Q\d\n\$[\d,]+\.\d\d/)
  await saveScreenshot(alice.page, 'large-import-overview.png')

  // The teammate gets the whole batch through sync: listed, and its charges read back to the same sums.
  expect(await batchAsShown(bob.page)).toEqual(imported)
  expect(await overviewHeadline(bob.page)).toBe(headline)

  // Reopened from this device's storage: in the same window and in a new one.
  await alice.page.reload()
  expect(await batchAsShown(alice.page)).toEqual(imported)
  expect(await overviewHeadline(alice.page)).toBe(headline)
  const freshWindow = await alice.context.newPage()
  expect(await overviewHeadline(freshWindow)).toBe(headline)
  await freshWindow.close()

  // Removed, then brought back with Undo: the teammate sees both, and the batch reads whole again.
  await alice.page.goto(team.env.app.url + '#/import')
  await alice.page.getByRole('button', { name: /^Remove batch / }).click()
  await bob.page.goto(team.env.app.url + '#/import')
  await bob.page.getByTestId('batch-empty').waitFor({ timeout: 60_000 })
  await alice.page.getByRole('button', { name: 'Undo' }).click()
  expect(await batchAsShown(bob.page)).toEqual(imported)
  expect(await overviewHeadline(bob.page)).toBe(headline)

  expect([...alice.errors, ...bob.errors]).toEqual([])
})
