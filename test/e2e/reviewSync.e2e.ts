import { expect, test } from 'vitest'
import { saveScreenshot } from './support/browser'
import { useTeamWorkspace } from './support/team'

const WORKSPACE = 'team-review'
const TOKEN = 'review-rw-token'

const team = useTeamWorkspace(WORKSPACE, TOKEN)
/** A teammate in their own browser profile (so their own participant id), joined to the team workspace. */
const teammate = (name: string) => team.join(name, { viewport: { width: 1280, height: 800 }, locale: 'en-US' })

test('a synced review: one facilitator moves the stage for everyone, a teammate suggests moving on', async () => {
  const ana = await teammate('Ana')
  const ben = await teammate('Ben')

  await ana.page.goto(team.env.app.url + '#/review')
  await ana.page.getByRole('button', { name: /^Start the .* review$/ }).click()
  await ana.page.getByRole('heading', { name: '1. Check-in & data coverage' }).waitFor()

  // Ben sees the same review at the same stage, without the facilitator's controls.
  await ben.page.goto(team.env.app.url + '#/review')
  await ben.page.getByRole('heading', { name: '1. Check-in & data coverage' }).waitFor()
  expect(await ben.page.getByRole('button', { name: /^Next/ }).count()).toBe(0)
  // The stored review holds device ids only; the facilitator's name comes from live presence.
  await ben.page.getByText('Ana facilitates this review', { exact: false }).waitFor()

  // Names come from live presence only: who is on this stage now.
  await ana.page.getByText('Here now:', { exact: false }).filter({ hasText: 'Ben' }).waitFor()
  await ana.page.getByTestId('presence-peer').filter({ hasText: 'Ben' }).filter({ hasText: '1. Check-in & data coverage' }).waitFor()

  await ben.page.getByRole('button', { name: 'Suggest moving on' }).click()
  await ana.page.getByTestId('move-on-count').filter({ hasText: '1 suggests moving on' }).waitFor()
  await saveScreenshot(ana.page, 'review-sync.png')

  // The facilitator moves on: Ben follows, and the suggestions clear.
  await ana.page.getByRole('button', { name: 'Next: Portfolio scorecards' }).click()
  await ben.page.getByRole('heading', { name: '2. Portfolio scorecards' }).waitFor()
  expect(await ben.page.getByTestId('move-on-count').textContent()).toBe('No one has suggested moving on yet')
  await ana.page.getByTestId('presence-peer').filter({ hasText: 'Ben' }).filter({ hasText: '2. Portfolio scorecards' }).waitFor()

  // A pause reaches everyone; only the facilitator resumes.
  await ana.page.getByRole('button', { name: 'Pause' }).click()
  await ben.page.getByText('the facilitator resumes it', { exact: false }).waitFor()
  expect(await ben.page.getByRole('button', { name: 'Suggest moving on' }).isDisabled()).toBe(true)
  await ana.page.getByRole('button', { name: 'Resume' }).click()
  await ben.page.getByRole('button', { name: 'Suggest moving on' }).and(ben.page.locator(':enabled')).waitFor()

  // Facilitation can be handed to someone here now.
  await ana.page.getByLabel('Hand facilitation to').selectOption({ label: 'Ben' })
  await ana.page.getByRole('button', { name: 'Hand over' }).click()
  await ben.page.getByRole('button', { name: 'Next: High-cost runs' }).waitFor()
  await ana.page.getByText('Ben facilitates this review', { exact: false }).waitFor()
  await ana.page.getByRole('button', { name: 'Suggest moving on' }).waitFor()

  expect([...ana.errors, ...ben.errors]).toEqual([])
})
