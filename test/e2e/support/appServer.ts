import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createStaticSite, listen } from '../../../server/staticSite'

const WEB_BUILD = resolve(import.meta.dirname, '../../../out/web')

/** Serves the browser build on a free loopback port; `npm run test:e2e` builds it first. */
export async function startAppServer(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(resolve(WEB_BUILD, 'index.html'))) {
    throw new Error('out/web is missing: run `npm run build:web` (npm run test:e2e does it for you)')
  }
  const site = createStaticSite(WEB_BUILD)
  const port = await listen(site, 0, '127.0.0.1')
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => site.close(() => done())),
  }
}
