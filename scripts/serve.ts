import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createStaticSite, listen } from '../server/staticSite'
import { startSyncServer } from '../server/syncServer'
import { readTokenFile, type TokenTable } from '../server/tokens'
import { encodeJoinCode } from '../shared/sync/joinCode'

/**
 * `npm run serve`: the browser build of the app at http://localhost:5178, with a team sync
 * server beside it at ws://localhost:5179. Tokens come from WORKFOLIO_TOKENS; without it a
 * token for a "team" workspace is made once (kept in DATA_DIR, default data/serve-sync) and
 * printed as a join code.
 */
const port = Number(process.env.PORT ?? 5178)
const syncPort = Number(process.env.SYNC_PORT ?? port + 1)
const host = process.env.HOST ?? 'localhost'
const root = resolve(import.meta.dirname, '..')

async function main() {
  const site = createStaticSite(resolve(root, 'out/web'))
  const sitePort = await listen(site, port, host).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to use another.` : error.message)
  })
  console.log(`Workfolio is running at http://${host}:${sitePort}`)

  const tokensFile = process.env.WORKFOLIO_TOKENS
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(root, 'data/serve-sync'))
  const devToken = readOrCreateDevToken(resolve(dataDir, 'dev-token.txt'))
  const tokens: TokenTable = tokensFile ? readTokenFile(tokensFile) : { [devToken]: { workspace: 'team', access: 'rw' } }
  try {
    const sync = await startSyncServer({ port: syncPort, host, dataDir, tokens })
    const url = `ws://${host}:${sync.port}`
    console.log(`Team sync server at ${url}`)
    if (!tokensFile) console.log(`Join code for workspace "team" (Settings > Team sync): ${encodeJoinCode({ serverUrl: url, token: devToken, workspaceId: 'team' })}`)
  } catch (error) {
    console.log(`Team sync is off: ${(error as Error).message}`)
  }
}

/** Kept across restarts, so a browser that joined once stays joined. */
function readOrCreateDevToken(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim()
  const token = randomBytes(18).toString('base64url')
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, token + '\n', { mode: 0o600 })
  return token
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
