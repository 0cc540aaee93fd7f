import { expect, test } from 'vitest'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'

const env = useAppInBrowser()

test('a portfolio created through the UI is still there after a reload, and can be edited and deleted', async () => {
  const context = await env.browser.newContext()
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/portfolios')
  await page.getByRole('heading', { name: 'Portfolios', exact: true }).waitFor()
  await expect(page.getByText('No portfolios yet').isVisible()).resolves.toBe(true)

  // Keyboard first: the "New portfolio" action is reachable and opens the editor.
  await page.getByRole('link', { name: 'New portfolio' }).focus()
  await page.keyboard.press('Enter')
  await page.getByLabel('Name', { exact: true }).fill('Incident triage + postmortem')
  await page.getByLabel('Description').fill('Logs to fix to postmortem, for on-call')
  await page.getByLabel('Outcome tags').fill('MTTR, defects')
  await page.getByLabel('Owning team').fill('SRE team')
  await page.getByLabel('Amount', { exact: true }).fill('12,500.50')
  await page.getByLabel('Currency').fill('eur')
  await page.getByRole('button', { name: 'Create portfolio' }).click()

  // It lands on the new portfolio's rules, with the first rule one key press away.
  await page.getByRole('heading', { name: 'Rules of Incident triage + postmortem' }).waitFor()
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New rule for runs')

  await page.goto(page.url().replace(/#.*/, '#/portfolios'))
  await page.reload()
  const item = page.getByTestId('portfolio-item').filter({ hasText: 'Incident triage + postmortem' })
  await item.waitFor()
  expect(await item.getByTestId('portfolio-envelope').textContent()).toMatch(/€12,500\.50 per quarter/)
  expect(await item.textContent()).toContain('SRE team')
  expect(await item.textContent()).toContain('MTTR')
  await saveScreenshot(page, 'portfolio-list.png')

  await item.getByRole('link', { name: /Edit/ }).click()
  await page.getByLabel('Name', { exact: true }).fill('Incident triage')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByTestId('portfolio-item').filter({ hasText: 'Incident triage' }).waitFor()
  await page.reload()
  const renamed = page.getByTestId('portfolio-item')
  await renamed.waitFor()
  expect(await renamed.count()).toBe(1)
  expect(await renamed.locator('.portfolio-name').textContent()).toBe('Incident triage')

  await renamed.getByRole('button', { name: 'Delete Incident triage' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByText('No portfolios yet').waitFor()
  await page.reload()
  await page.getByText('No portfolios yet').waitFor()

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})

test('the editor explains what is wrong instead of saving a bad envelope', async () => {
  const page = await env.browser.newPage()
  await page.goto(env.app.url + '#/portfolios/new')
  await page.getByLabel('Name', { exact: true }).fill('Refactor + tests')
  await page.getByLabel('Amount', { exact: true }).fill('a lot')
  await page.getByRole('button', { name: 'Create portfolio' }).click()
  await page.getByRole('alert').filter({ hasText: 'positive amount' }).waitFor()
  expect(page.url()).toContain('#/portfolios/new')
  await page.close()
})
