import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startAppServer } from './appServer'
import { launchBrowser } from './browser'

export type AppServer = Awaited<ReturnType<typeof startAppServer>>

/**
 * Serves the browser build and launches Chromium once per test file, closing both after it.
 * Read `browser` and `app` inside tests (they are set in beforeAll).
 */
export function useAppInBrowser(): { readonly browser: Browser; readonly app: AppServer } {
  let browser: Browser | undefined
  let app: AppServer | undefined
  beforeAll(async () => {
    app = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
    get app() {
      if (!app) throw new Error('the app server starts in beforeAll')
      return app
    },
  }
}
