import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { encodeJoinCode } from '../../../shared/sync/joinCode'
import { collectPageErrors } from './browser'
import { useAppInBrowser } from './lifecycle'
import { startTestSyncServer } from './syncServer'

type SyncServer = Awaited<ReturnType<typeof startTestSyncServer>>

export interface Teammate {
  context: BrowserContext
  page: Page
  errors: string[]
}

/**
 * The app in Chromium plus a team sync server granting one workspace to one token, for the
 * file's tests; `join(name)` opens a teammate's own browser profile joined to it.
 */
export function useTeamWorkspace(workspaceId: string, token: string) {
  const env = useAppInBrowser()
  let sync: SyncServer | undefined
  beforeAll(async () => {
    sync = await startTestSyncServer({ [token]: { workspace: workspaceId, access: 'rw' } })
  })
  afterAll(async () => {
    await sync?.dispose()
  })
  const server = () => {
    if (!sync) throw new Error('the sync server starts in beforeAll')
    return sync
  }
  return {
    env,
    get sync() {
      return server()
    },
    /** A teammate, named as they pick it in Settings, joined with the workspace's join code. */
    async join(name: string, options: BrowserContextOptions = {}, joinToken = token): Promise<Teammate> {
      const context = await env.browser.newContext(options)
      const page = await context.newPage()
      const errors = collectPageErrors(page)
      await page.goto(env.app.url + '#/settings')
      const nameField = page.getByLabel('Your name for teammates')
      await nameField.fill(name)
      await nameField.blur()
      await page.getByLabel('Join code').fill(encodeJoinCode({ serverUrl: server().url, token: joinToken, workspaceId }))
      await page.getByRole('button', { name: 'Join', exact: true }).first().click()
      // A new device's empty workspace stays apart (bringing one's own work along: TeamSyncSettings.test.tsx).
      await page.getByLabel(/Keep it separate/).check()
      await page.getByRole('button', { name: 'Join, keep mine separate' }).click()
      await page.getByTestId('sync-status').and(page.locator(`[data-status="${joinToken === token ? 'synced' : 'denied'}"]`)).waitFor()
      return { context, page, errors }
    },
  }
}
