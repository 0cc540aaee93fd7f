import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { compareDecimal, parseDecimal, sumDecimalStrings } from '../../shared/money/decimal'
import { formatMoney } from '../../shared/money/format'
import type { Run } from '../../shared/records/run'
import { Governance } from '../../shared/workspace/governance'
import { Ledger } from '../../shared/workspace/ledger'
import { assignRecords } from '../../shared/analysis/rules/assign'
import { createBatch } from '../../shared/batches/batch'
import { emptyTokenCounts } from '../../shared/records/tokenCounts'
import { makePortfolio, makeRun } from '../../renderer/test/runsTestData'
import { collectPageErrors, saveScreenshot } from './support/browser'
import { useAppInBrowser } from './support/lifecycle'

const CLAUDE_SESSION = resolve(import.meta.dirname, '../fixtures/logs/claude/projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl')

const env = useAppInBrowser()

/**
 * Seeds the workspace the way y-indexeddb keeps it (a Yjs update in the "updates" store of
 * the "local" and "local/ledger" databases) before the app reads it: test-side only, the app
 * has no test hook. The app then loads and merges these updates like any stored edits.
 */
async function seedWorkspace(page: Page, governance: Uint8Array, ledger: Uint8Array) {
  await page.evaluate(
    async ({ governance, ledger }) => {
      const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const put = (name: string, update: string) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name)
          open.onupgradeneeded = () => {
            open.result.createObjectStore('updates', { autoIncrement: true })
            open.result.createObjectStore('custom')
          }
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction('updates', 'readwrite')
            tx.objectStore('updates').add(bytes(update))
            tx.oncomplete = () => {
              db.close()
              resolve()
            }
            tx.onerror = () => reject(tx.error)
          }
        })
      await put('local', governance)
      await put('local/ledger', ledger)
    },
    { governance: Buffer.from(governance).toString('base64'), ledger: Buffer.from(ledger).toString('base64') },
  )
}

/** A team's quarter of agent sessions, deterministic, with costs of many decimal places. */
function createMemoryLedgerSeed(count: number) {
  let seed = 42
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const pick = <T,>(items: readonly T[]) => items[random(items.length)]
  const repos = ['shop/web', 'shop/api', 'payments', 'infra', 'docs', null]
  const branches = ['main', 'fix/checkout-race', 'feat/search', 'chore/deps', 'incident/INC-2041']
  const flows = [
    ['explore', 'refactor', 'test', 'commit'],
    ['read-incident', 'analyze-logs', 'propose-fix', 'draft-postmortem'],
    ['explore', 'edit', 'test'],
    ['review', 'edit', 'test', 'commit'],
    ['refactor', 'test'],
  ]
  const from = Date.UTC(2026, 8, 1)
  const runs: Run[] = Array.from({ length: count }, (_, i) => {
    const codex = random(10) < 3
    const start = from + random(88 * 24 * 60) * 60_000
    const tokens = { ...emptyTokenCounts(), input: 2_000 + random(400_000), output: 300 + random(40_000), cacheRead: random(2_000_000) }
    const cost = `${random(40)}.${String(random(1_000_000)).padStart(6, '0')}${String(random(10_000)).padStart(4, '0')}`
    const model = codex ? 'gpt-5-codex' : 'claude-sonnet-4-5'
    const unpriced = random(40) === 0
    return makeRun({
      id: `session-${String(i).padStart(5, '0')}`,
      tool: codex ? 'codex' : 'claude-code',
      provider: codex ? 'openai' : 'anthropic',
      repo: pick(repos),
      branch: pick(branches),
      start: new Date(start).toISOString(),
      end: new Date(start + (2 + random(90)) * 60_000).toISOString(),
      models: unpriced ? [model, 'local-llama'] : [model],
      tokens,
      costUSD: cost,
      costByMonth: {},
      byModel: [
        { model, tokens, costUSD: cost, priced: true },
        ...(unpriced ? [{ model: 'local-llama', tokens: { ...emptyTokenCounts(), input: 1200, output: 300 }, costUSD: '0', priced: false }] : []),
      ],
      unpricedModels: unpriced ? ['local-llama'] : [],
      steps: pick(flows),
      requests: 1 + random(60),
    })
  })
  const portfolios = [
    makePortfolio('pf-refactor', 'Refactor + tests', [{ field: 'step', values: ['refactor'] }]),
    makePortfolio('pf-incident', 'Incident triage + postmortem', [{ field: 'sequence', values: ['read-incident', 'draft-postmortem'] }]),
    makePortfolio('pf-checkout', 'Checkout reliability', [{ field: 'branch', values: ['fix/checkout-*'] }]),
  ]
  const governance = new Governance(new Y.Doc())
  governance.migrate()
  for (const portfolio of portfolios) governance.portfolios.put(portfolio)
  const ledger = new Ledger(new Y.Doc())
  const batch = createBatch({
    kind: 'runs', format: 'claude-code', fileNames: ['sessions.jsonl'], records: runs, totals: {},
    from: null, to: null, skipped: [], warnings: [], importedAt: '2026-11-28T12:00:00.000Z',
  })
  ledger.add(batch)
  return { runs, portfolios, governanceUpdate: Y.encodeStateAsUpdate(governance.doc), ledgerUpdate: Y.encodeStateAsUpdate(ledger.doc) }
}

const rowCount = (page: Page) => page.getByTestId('run-row').count()

test('runs: empty state, then thousands of runs to sort, filter, group, open and annotate by keyboard', async () => {
  const { runs, portfolios, governanceUpdate, ledgerUpdate } = createMemoryLedgerSeed(5_000)
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } })
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/runs')
  await page.getByRole('heading', { name: 'Runs', exact: true }).waitFor()
  await page.getByText('Every agent session, with its cost and steps').waitFor()

  await seedWorkspace(page, governanceUpdate, ledgerUpdate)
  await page.reload()
  const table = page.getByRole('table', { name: 'Runs' })
  await table.waitFor()
  expect(await table.getAttribute('aria-rowcount')).toBe(String(runs.length + 1))
  expect(await page.getByTestId('total-runs').textContent()).toBe(runs.length.toLocaleString('en-US'))
  expect(await page.getByTestId('total-cost').getAttribute('title')).toBe(`${sumDecimalStrings(runs.map((r) => r.costUSD))} USD, exact`)
  // Virtualized: a window of rows, not thousands.
  expect(await rowCount(page)).toBeLessThan(80)

  // Sorting by cost compares exact decimals.
  await page.getByRole('button', { name: /^Cost/ }).click()
  const byCost = [...runs].sort((a, b) => compareDecimal(parseDecimal(b.costUSD), parseDecimal(a.costUSD)) || b.start.localeCompare(a.start))
  expect(await page.getByTestId('run-row').first().getAttribute('data-run-id')).toBe(byCost[0].id)

  // Scrolling to the end renders the cheapest run, still only a window of rows.
  await page.locator('.runs-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await page.locator(`[data-run-id="${byCost[byCost.length - 1].id}"]`).waitFor()
  expect(await rowCount(page)).toBeLessThan(80)
  await page.locator('.runs-scroll').evaluate((el) => el.scrollTo({ top: 0 }))

  // Filtering by tool: totals follow what is filtered.
  await page.getByLabel('Tool').selectOption('codex')
  const codex = runs.filter((run) => run.tool === 'codex')
  await page.getByTestId('total-runs').filter({ hasText: `${codex.length.toLocaleString('en-US')} of` }).waitFor()
  expect(await page.getByTestId('total-cost').textContent()).toBe(formatMoney(sumDecimalStrings(codex.map((r) => r.costUSD)), 'USD', 'en-US'))
  await page.getByRole('button', { name: 'Clear filters' }).first().click()

  // Grouping by portfolio, with subtotal rows, and an overlap flag on runs two portfolios match.
  await page.getByLabel('Group by').selectOption('portfolio')
  const firstGroup = page.locator('tr.runs-group').first()
  await firstGroup.filter({ hasText: 'Checkout reliability' }).waitFor()
  const assignment = assignRecords({ portfolios, runs, charges: [], recipes: [] })
  const checkout = runs.filter((run) => assignment.runs.get(run.id)?.portfolioId === 'pf-checkout')
  expect(await firstGroup.locator('.group-count').textContent()).toBe(`${checkout.length.toLocaleString('en-US')} runs`)
  expect(await firstGroup.locator('.group-cost').getAttribute('title')).toBe(`${sumDecimalStrings(checkout.map((r) => r.costUSD))} USD, exact`)
  await page.locator('.overlap-flag').first().waitFor()
  await saveScreenshot(page, 'runs.png')

  // Keyboard: the first row holds the tab stop; arrows move, Enter opens the detail.
  await page.getByLabel('Group by').selectOption('none')
  await page.getByTestId('run-row').first().focus()
  await page.keyboard.press('ArrowDown')
  const opened = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.runId!)
  await page.keyboard.press('Enter')
  await page.waitForURL(new RegExp(`#/runs/${opened}$`))
  const run = runs.find((r) => r.id === opened)!
  await page.getByRole('list', { name: 'Step timeline' }).waitFor()
  expect(await page.getByRole('list', { name: 'Step timeline' }).getByRole('listitem').count()).toBe(run.steps.length)

  // The outcome note is stored in the workspace and survives a reload.
  await page.getByLabel('Outcome note').fill('Fixed the checkout race; PR linked.')
  await page.getByLabel('Value').selectOption('shipped-fix')
  await page.getByLabel('Evidence reference').fill('shop/web#4182')
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await saveScreenshot(page, 'run-detail.png')
  await page.reload()
  await page.getByLabel('Outcome note').waitFor()
  expect(await page.getByLabel('Outcome note').inputValue()).toBe('Fixed the checkout race; PR linked.')
  expect(await page.getByRole('list', { name: 'Evidence' }).textContent()).toContain('shop/web#4182')

  // Escape goes back to the list.
  await page.getByRole('link', { name: '← All runs' }).focus()
  await page.keyboard.press('Escape')
  await table.waitFor()
  expect(errors, errors.join('\n')).toEqual([])
  await page.close()
})


test('a Claude Code session imported through the Import view shows up as a run, in the person’s time zone, with no prompt text', async () => {
  // Berlin: the session started 2026-03-31 23:50 UTC, which is April 1 there.
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' })
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(env.app.url + '#/import')
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('drop-zone').click()
  await (await chooser).setFiles([CLAUDE_SESSION])
  await page.getByRole('button', { name: 'Import 1 session file' }).click()
  await page.getByTestId('import-notice').filter({ hasText: /Imported .*: 1 run/ }).waitFor()

  await page.getByRole('link', { name: 'Runs', exact: true }).click()
  const row = page.getByTestId('run-row')
  await row.first().waitFor()
  expect(await row.count()).toBe(1)
  expect(await page.getByTestId('total-runs').textContent()).toBe('1')
  const time = row.locator('time')
  expect(await time.getAttribute('datetime')).toBe('2026-03-31T23:50:00.000Z')
  expect(await time.textContent()).toMatch(/^Apr 1, 2026, 1:50/)
  expect(await row.textContent()).toContain('feature/cart')
  await page.getByLabel('Group by').selectOption('month')
  await page.locator('tr.runs-group').filter({ hasText: 'April 2026' }).waitFor()

  await row.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('list', { name: 'Step timeline' }).waitFor()
  expect(await page.getByRole('list', { name: 'Step timeline' }).getByRole('listitem').count()).toBeGreaterThan(0)
  expect(await page.getByRole('table', { name: 'Tokens and cost by model' }).textContent()).toContain('claude-sonnet-4-5')
  // Raw prompts, thinking and summaries never reach a record, so never the screen.
  expect(await page.locator('body').textContent()).not.toContain('SECRET')
  expect(errors, errors.join('\n')).toEqual([])
  await context.close()
})
