import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { saveScreenshot } from './support/browser'
import { importLogFolder } from './support/importThroughView'
import { useTeamWorkspace } from './support/team'

const WORKSPACE = 'team-e2e'
const TOKEN = 'e2e-rw-token'

const team = useTeamWorkspace(WORKSPACE, TOKEN)
const teammate = (name: string) => team.join(name)

async function portfolioField(page: Page, portfolio: string, label: string) {
  await page.goto(team.env.app.url + '#/portfolios')
  await page.getByTestId('portfolio-item').filter({ hasText: portfolio }).getByRole('link', { name: `Edit ${portfolio}` }).click()
  return page.getByLabel(label, { exact: true })
}

test('two teammates co-edit one portfolio, see each other, and keep offline edits', async () => {
  const alice = await teammate('Alice')
  const bob = await teammate('Bob')

  // Presence: each sees the other, by the name they picked, and where they are.
  await alice.page.goto(team.env.app.url + '#/portfolios')
  await bob.page.getByTestId('presence-peer').filter({ hasText: 'Alice' }).filter({ hasText: 'Portfolios' }).waitFor()
  await alice.page.getByTestId('presence-peer').filter({ hasText: 'Bob' }).waitFor()
  expect(await alice.page.getByTestId('people-here').textContent()).toBe('2 people here')

  // Alice creates a portfolio; it reaches Bob.
  await alice.page.getByRole('link', { name: 'New portfolio' }).click()
  await alice.page.getByLabel('Name', { exact: true }).fill('Refactor + tests')
  await alice.page.getByLabel('Amount', { exact: true }).fill('9000')
  await alice.page.getByRole('button', { name: 'Create portfolio' }).click()
  await bob.page.goto(team.env.app.url + '#/portfolios')
  await bob.page.getByTestId('portfolio-item').filter({ hasText: 'Refactor + tests' }).waitFor()

  // Both edit the same portfolio at the same time, different fields: both changes survive.
  const aliceDescription = await portfolioField(alice.page, 'Refactor + tests', 'Description')
  const bobTeam = await portfolioField(bob.page, 'Refactor + tests', 'Owning team')
  await aliceDescription.fill('Search, read, edit, test until green')
  await bobTeam.fill('Platform team')
  await Promise.all([
    alice.page.getByRole('button', { name: 'Save changes' }).click(),
    bob.page.getByRole('button', { name: 'Save changes' }).click(),
  ])
  for (const { page } of [alice, bob]) {
    await page.goto(team.env.app.url + '#/portfolios')
    const item = page.getByTestId('portfolio-item').filter({ hasText: 'Search, read, edit, test until green' }).filter({ hasText: 'Platform team' })
    await item.waitFor()
  }

  // Bob has the form open when Alice saves: her change shows up in it as it arrives, and Alice sees who edits what.
  const bobOwner = await portfolioField(bob.page, 'Refactor + tests', 'Owning team')
  await alice.page.getByTestId('presence-peer').filter({ hasText: 'Bob' }).filter({ hasText: 'editing “Refactor + tests”' }).waitFor()
  const aliceAgain = await portfolioField(alice.page, 'Refactor + tests', 'Description')
  await aliceAgain.fill('Search, read, edit, test, review')
  await alice.page.getByRole('button', { name: 'Save changes' }).click()
  await bob.page.getByTestId('form-incoming').filter({ hasText: 'updated description' }).waitFor()
  expect(await bob.page.getByLabel('Description', { exact: true }).inputValue()).toBe('Search, read, edit, test, review')
  expect(await bobOwner.inputValue()).toBe('Platform team')
  for (const { page } of [alice, bob]) await page.goto(team.env.app.url + '#/portfolios')

  // The server goes away: both keep working offline, and everything merges when it is back.
  await team.sync.stop()
  await alice.page.getByTestId('sync-status').and(alice.page.locator('[data-status="offline"]')).waitFor()
  await alice.page.getByRole('link', { name: 'New portfolio' }).click()
  await alice.page.getByLabel('Name', { exact: true }).fill('Incident triage')
  await alice.page.getByLabel('Amount', { exact: true }).fill('3000')
  await alice.page.getByRole('button', { name: 'Create portfolio' }).click()
  await bob.page.getByRole('link', { name: 'New portfolio' }).click()
  await bob.page.getByLabel('Name', { exact: true }).fill('Dependency upgrades')
  await bob.page.getByLabel('Amount', { exact: true }).fill('1500')
  await bob.page.getByRole('button', { name: 'Create portfolio' }).click()
  await team.sync.start()
  for (const { page } of [alice, bob]) {
    await page.getByTestId('sync-status').and(page.locator('[data-status="synced"]')).waitFor({ timeout: 30_000 })
    // Each landed on the rules of the portfolio they created: back to the list.
    await page.goto(team.env.app.url + '#/portfolios')
    await page.getByTestId('portfolio-item').filter({ hasText: 'Incident triage' }).waitFor()
    await page.getByTestId('portfolio-item').filter({ hasText: 'Dependency upgrades' }).waitFor()
  }
  await saveScreenshot(bob.page, 'sync-two-teammates.png')

  // Nothing lost across a reload either: the local copy and the server agree.
  await bob.page.reload()
  await bob.page.getByTestId('portfolio-item').filter({ hasText: 'Incident triage' }).waitFor()
  expect(await bob.page.getByTestId('portfolio-item').count()).toBe(3)

  expect(alice.errors.filter((e) => !/WebSocket/.test(e))).toEqual([])
  expect(bob.errors.filter((e) => !/WebSocket/.test(e))).toEqual([])
  await alice.context.close()
  await bob.context.close()
})

test('two teammates typing in the same outcome note both keep their text', async () => {
  const alice = await teammate('Alice')
  const bob = await teammate('Bob')
  // Alice imports the session logs; the runs reach Bob through the ledger document.
  await importLogFolder(alice.page, team.env.app.url)
  const runUrl = team.env.app.url + '#/runs/5a1e0000-0000-4000-8000-000000000001'
  for (const { page } of [alice, bob]) {
    await page.goto(runUrl)
    await page.getByLabel('Outcome note').waitFor({ timeout: 30_000 })
  }
  const aliceNote = alice.page.getByLabel('Outcome note')
  const bobNote = bob.page.getByLabel('Outcome note')
  await aliceNote.click()
  await bobNote.click()
  // Both type at once, each at the start of the (empty) note.
  await Promise.all([
    aliceNote.pressSequentially('Root cause found in the logs. ', { delay: 15 }),
    bobNote.pressSequentially('PR 4711 merged. ', { delay: 15 }),
  ])
  for (const note of [aliceNote, bobNote]) {
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toMatch(/Root cause found in the logs\. /)
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toMatch(/PR 4711 merged\. /)
  }
  expect(await aliceNote.inputValue()).toBe(await bobNote.inputValue())
  await saveScreenshot(bob.page, 'sync-shared-note.png')
  await alice.context.close()
  await bob.context.close()
})

test('a wrong token is shown as refused, not as synced', async () => {
  const stranger = await team.join('Stranger', {}, 'not-a-token')
  await stranger.context.close()
})
