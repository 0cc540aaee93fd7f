import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSyncServer, type RunningSyncServer } from '../../../server/syncServer'
import type { TokenTable } from '../../../server/tokens'

/** A team server on a fixed loopback port, so it can be stopped and started again mid-test. */
export async function startTestSyncServer(tokens: TokenTable) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-e2e-sync-'))
  const port = await freePort()
  let server: RunningSyncServer | null = null
  const start = async () => {
    server = await startSyncServer({ port, host: '127.0.0.1', dataDir, tokens })
  }
  await start()
  return {
    url: `ws://127.0.0.1:${port}`,
    start,
    async stop() {
      await server?.close()
      server = null
    },
    async dispose() {
      await server?.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address() as { port: number }
  await new Promise((done) => probe.close(done))
  return port
}
