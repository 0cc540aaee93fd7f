import type { Page } from 'playwright-core'

/** Creates a portfolio through the app's form; the app lands on its (empty) rules. */
export async function createPortfolio(page: Page, appUrl: string, name: string, amount: string): Promise<void> {
  await page.goto(appUrl + '#/portfolios/new')
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Outcome tags').fill('lead time')
  await page.getByLabel('Owning team').fill('Platform team')
  await page.getByLabel('Amount', { exact: true }).fill(amount)
  await page.getByRole('button', { name: 'Create portfolio' }).click()
  await page.getByRole('heading', { name: `Rules of ${name}` }).waitFor()
}
