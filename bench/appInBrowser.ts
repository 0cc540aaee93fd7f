import type { Browser } from 'playwright-core'
import { startAppServer } from '../test/e2e/support/appServer'
import { launchBrowser } from '../test/e2e/support/browser'

/**
 * Runs `use` with the built app served and a headless Chromium, closing both afterwards
 * whatever happens: when the browser failed to start (not installed), the app server left
 * open kept the benchmark's process, and so `npm run bench`, waiting forever.
 */
export async function withAppInBrowser<T>(use: (appUrl: string, browser: Browser) => Promise<T>): Promise<T> {
  const app = await startAppServer()
  try {
    const browser = await launchBrowser()
    try {
      return await use(app.url, browser)
    } finally {
      await browser.close()
    }
  } finally {
    await app.close()
  }
}
