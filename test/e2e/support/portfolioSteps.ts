import type { Page } from 'playwright-core'
import { saveScreenshot } from './browser'

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

/**
 * Adds a one-condition rule over runs on the portfolio's Rules tab, once its live preview matches
 * some. The portfolio is being set up over imported history, so the rule applies to every period;
 * when that rewrites past periods, the preview of them is confirmed.
 */
export async function addRule(page: Page, appUrl: string, portfolio: string, ruleName: string, field: string, value: string, screenshot?: string): Promise<void> {
  await page.goto(appUrl + '#/portfolios')
  await page.getByRole('link', { name: portfolio, exact: true }).click()
  await page.getByRole('link', { name: 'Rules' }).click()
  await page.getByRole('button', { name: 'New rule for runs' }).click()
  await page.getByLabel('Rule name').fill(ruleName)
  await page.getByLabel('Condition 1 field').selectOption(field)
  await page.getByLabel('Condition 1 values').fill(value)
  // The preview answers before saving.
  await page.getByTestId('preview-matched-runs').filter({ hasText: /^[1-9][\d,]*$/ }).waitFor()
  if (screenshot) await saveScreenshot(page, screenshot)
  await page.getByLabel('Takes effect').selectOption('retroactive')
  await page.getByRole('button', { name: 'Save rule' }).click()
  const saved = page.getByTestId('rule-item').filter({ hasText: ruleName })
  const rewrite = page.getByRole('alertdialog')
  await saved.or(rewrite).first().waitFor()
  if (await rewrite.isVisible()) await page.getByRole('button', { name: 'Rewrite these periods' }).click()
  await saved.waitFor()
}
