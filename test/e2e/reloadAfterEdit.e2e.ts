import { expect, test } from 'vitest'
import { collectPageErrors } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'

const env = useAppInBrowser()

/**
 * An edit is stored when it is made: a reload straight after it (no wait for anything on
 * screen) keeps it. Each stored update is committed at once (storedDoc.ts), not once the page
 * has heard back that it was written, which a reload can cut short.
 */
test('an edit followed at once by a reload is still there after it, every time', async () => {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/settings')
  for (let round = 1; round <= 8; round++) {
    await page.getByRole('button', { name: 'Add alias' }).waitFor()
    await page.getByLabel('Alias', { exact: true }).fill(`folder_${round}`)
    await page.getByLabel('is the repository').fill(`acme/repo-${round}`)
    await page.getByRole('button', { name: 'Add alias' }).click()
    await page.reload()
  }
  const aliases = page.getByRole('list', { name: 'Repository aliases' }).getByRole('listitem')
  await aliases.first().waitFor()
  expect(await aliases.count()).toBe(8)
  expect(errors).toEqual([])
  await context.close()
})
