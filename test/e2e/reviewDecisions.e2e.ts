import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { periodContaining, shiftPeriod } from '../../shared/analysis/periods'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'
import { createPortfolio } from './support/portfolioSteps'

const env = useAppInBrowser()
const thisQuarter = periodContaining('quarter', new Date().toISOString(), 1)
const nextQuarter = shiftPeriod(thisQuarter, 1, 1)

/** The envelope each Overview card shows for a period (chosen as a shared link would, for the session), by portfolio name. */
async function envelopesIn(page: Page, period: string): Promise<Record<string, string>> {
  await page.evaluate((key) => sessionStorage.setItem('workfolio.period', key), period)
  await page.goto(env.app.url + '#/overview')
  await page.reload()
  await page.locator(`.period-picker[data-period="${period}"]`).waitFor()
  const cards = page.getByTestId('portfolio-card')
  const out: Record<string, string> = {}
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i)
    out[(await card.getByRole('heading').first().textContent())!.trim()] = (await card.getByTestId('card-envelope').textContent())!.trim()
  }
  return out
}

test('closing a review applies its decisions: next quarter has the new envelopes, this quarter keeps its own', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)

  await createPortfolio(page, env.app.url, 'Incident triage', '150')
  await createPortfolio(page, env.app.url, 'Web work', '200')
  await createPortfolio(page, env.app.url, 'Docs', '100')

  // Start this quarter's review and walk to the decisions.
  await page.goto(env.app.url + '#/review')
  await page.getByLabel('Quarter').selectOption(thisQuarter.key)
  await page.getByRole('button', { name: /^Start the / }).click()
  for (const next of ['Portfolio scorecards', 'High-cost runs', 'Recipe candidates', 'Decisions per portfolio']) {
    await page.getByRole('button', { name: `Next: ${next}` }).click()
  }
  await page.getByRole('heading', { name: '5. Decisions per portfolio', exact: true }).waitFor()

  const decision = (name: string) => page.getByTestId('portfolio-decision').filter({ has: page.getByRole('heading', { name, exact: true }) })
  const triage = decision('Incident triage')
  await triage.getByLabel('Grow').check()
  await triage.getByLabel("Next quarter's envelope (USD)").fill('260')
  await triage.getByLabel('Stage next quarter').selectOption('scaling')
  await triage.getByRole('button', { name: 'Record decision' }).click()
  await triage.getByTestId('decision-recorded').waitFor()
  const docs = decision('Docs')
  await docs.getByLabel('Merge', { exact: true }).check()
  await docs.getByLabel('Merge into').selectOption({ label: 'Web work' })
  await docs.getByRole('button', { name: 'Record decision' }).click()
  await docs.getByTestId('decision-recorded').filter({ hasText: 'into Web work' }).waitFor()
  await page.getByRole('button', { name: 'Next: Summary' }).click()

  // Closing shows next quarter's plan first, then applies it in one step.
  await page.getByRole('button', { name: 'Close the review…' }).click()
  const plan = page.getByTestId('review-plan')
  await plan.waitFor()
  expect(await plan.textContent()).toContain('Incident triage: Envelope $150.00 → $260.00 per quarter; Stage pilot → scaling')
  expect(await plan.textContent()).toContain('Web work: Takes over 0 rules from "Docs"; Envelope $200.00 → $300.00 per quarter')
  await saveScreenshot(page, 'review-close-plan.png')
  await page.getByRole('button', { name: 'Close and apply' }).click()
  await page.getByText('Closed — read-only', { exact: false }).waitFor()
  await page.getByRole('heading', { name: `Decisions applied from ${nextQuarter.key}` }).waitFor()
  await saveScreenshot(page, 'review-closed-applied.png')

  // Next quarter's envelopes are the decided ones; this quarter keeps the envelopes it had.
  expect(await envelopesIn(page, nextQuarter.key)).toMatchObject({ 'Incident triage': '$260.00', 'Web work': '$300.00' })
  await saveScreenshot(page, 'overview-next-quarter.png')
  expect(await envelopesIn(page, thisQuarter.key)).toEqual({ Docs: '$100.00', 'Incident triage': '$150.00', 'Web work': '$200.00' })

  // The portfolio's history links the change back to the review.
  await page.goto(env.app.url + '#/portfolios')
  await page.getByRole('link', { name: 'Incident triage' }).first().click()
  await page.getByRole('link', { name: 'History', exact: true }).click()
  const history = page.getByRole('list', { name: 'Definition history' })
  expect(await history.textContent()).toContain(`from ${nextQuarter.key}`)
  expect(await history.textContent()).toContain(`decided in the ${thisQuarter.key} review (grow)`)
  await saveScreenshot(page, 'portfolio-history.png')

  // A closed quarter is not offered again as a new review.
  await page.goto(env.app.url + '#/review')
  await page.getByRole('heading', { name: `No review in progress — start the ${nextQuarter.key.replace('-', ' ')} review` }).waitFor()

  expect(errors).toEqual([])
  await context.close()
})
