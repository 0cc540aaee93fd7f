import { join } from 'node:path'
import { expect, test } from 'vitest'
import { findLogFiles } from '../../node/agentLogs/discover'
import { fileLogSource } from '../../node/agentLogs/logFileSource'
import { failOnUnreadable } from '../../node/filesInFolder'
import { agentToolName } from '../../shared/importers/logs/agentTools'
import { importAgentLogs } from '../../shared/importers/logs/importAgentLogs'
import { formatMoney } from '../../shared/money/format'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { FIXTURES, importLogFolder } from './support/importThroughView'
import { useAppInBrowser } from './support/lifecycle'

const env = useAppInBrowser()
const STORES = ['copilot', 'gemini'].map((agent) => join(FIXTURES, 'logs', agent))

test('GitHub Copilot CLI and Gemini CLI data folders imported in the browser: their runs in the Runs view, by agent name, priced', async () => {
  // What the same files import to in Node, through the same readers and the bundled prices.
  const expected = (await importAgentLogs(findLogFiles(STORES, failOnUnreadable).map(fileLogSource))).runs
  expect(new Set(expected.map((run) => run.tool))).toEqual(new Set(['copilot-cli', 'gemini-cli']))
  expect(expected).toHaveLength(5)

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  for (const store of STORES) await importLogFolder(page, env.app.url, store)

  await page.goto(env.app.url + '#/runs')
  await page.getByRole('heading', { name: 'Runs' }).waitFor()
  const rows = page.getByTestId('run-row')
  await rows.first().waitFor()
  expect(await rows.count()).toBe(expected.length)
  for (const run of expected) {
    const row = page.locator(`[data-testid="run-row"][data-run-id="${run.id}"]`)
    expect(await row.locator('td.col-tool').textContent()).toBe(agentToolName(run.tool))
    // The cell shows cents; its title the exact cost, which must be the bundled prices' and not zero.
    const cost = row.locator('td.col-cost .run-cost')
    expect(await cost.textContent(), run.id).toContain(formatMoney(run.costUSD, 'USD'))
    const exact = (await cost.getAttribute('title'))!.replace(/ USD, exact$/, '')
    expect(Number(exact), run.id).toBeCloseTo(Number(run.costUSD), 12)
    expect(Number(exact), run.id).toBeGreaterThan(0)
  }
  await saveScreenshot(page, 'agent-stores-runs.png')

  // The Tool filter names the agents too, and keeps only that agent's runs.
  await page.getByLabel('Tool').selectOption({ label: 'Gemini CLI' })
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="run-row"]').length === count, expected.filter((run) => run.tool === 'gemini-cli').length)
  expect(new Set(await page.locator('[data-testid="run-row"] td.col-tool').allTextContents())).toEqual(new Set(['Gemini CLI']))

  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
