import { cpSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { temporaryFolder } from '../../support/tempDirs'

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures')
/**
 * The Claude Code and Codex log fixtures, in a folder of their own: the tests that import it
 * count its runs and models. Every other agent's fixtures are imported by agentStores.e2e.ts.
 */
export const LOG_FIXTURES = claudeAndCodexLogs()

function claudeAndCodexLogs(): string {
  const folder = join(temporaryFolder('workfolio-e2e-'), 'logs')
  for (const agent of ['claude', 'codex']) cpSync(join(FIXTURES, 'logs', agent), join(folder, agent), { recursive: true })
  return folder
}
/** Five sessions of February 2026; two Codex sessions, a day apart, follow one workflow: search, edit, test, plan. */
export const QUARTER_LOGS = [
  'logs-recurring/rollout-2026-02-13T10-00-00-019b0000-0000-7000-8000-0000000000c3.jsonl',
  'logs/claude/projects/-home-alice-work-shop/5a1e0000-0000-4000-8000-000000000001.jsonl',
  'logs/claude/projects/-Users-bob-src-payments/5a1e0000-0000-4000-8000-000000000002.jsonl',
  'logs/codex/sessions/2026/02/12/rollout-2026-02-12T10-00-00-019b0000-0000-7000-8000-0000000000c1.jsonl',
  'logs/codex/sessions/2026/02/12/rollout-2026-02-12T10-30-00-019b0000-0000-7000-8000-0000000000c2.jsonl',
].map((path) => join(FIXTURES, path))

/** Picks files or a folder in the Import view's file chooser and confirms the import (`timeout`: for the button, behind a big file's preview). */
export async function importThroughView(page: Page, pick: () => Promise<void>, path: string, importButton: RegExp | string, timeout?: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await pick()
  await (await chooser).setFiles(path)
  await page.getByRole('button', { name: importButton }).click({ timeout })
}

/** Imports every agent log under a folder through the Import view's "Choose a folder…", and waits for its batch. */
export async function importLogFolder(page: Page, appUrl: string, folder = LOG_FIXTURES): Promise<void> {
  await page.goto(appUrl + '#/import')
  await page.getByRole('heading', { name: 'Import', exact: true }).waitFor()
  await importThroughView(page, () => page.getByRole('button', { name: 'Choose a folder…' }).click(), folder, /^Import \d+ session files?$/)
  await page.getByTestId('batch-item').filter({ hasText: 'agent logs' }).first().waitFor({ timeout: 60_000 })
}
