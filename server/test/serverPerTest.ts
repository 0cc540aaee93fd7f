import { afterEach, beforeEach } from 'vitest'
import type * as Y from 'yjs'
import { startSyncServer, type RunningSyncServer, type SyncServerOptions } from '../syncServer'
import { connectClient, RW, temporaryDirectory, TOKENS, WORKSPACE, type TestClient } from './harness'

/** A fresh sync server (own data folder, free loopback port) for each test, and its clients, all cleaned up after it. */
export function useServerPerTest() {
  let data: ReturnType<typeof temporaryDirectory>
  let server: RunningSyncServer
  const clients: TestClient[] = []
  const start = (options: Partial<SyncServerOptions> = {}) =>
    startSyncServer({ port: 0, host: '127.0.0.1', dataDir: data.path, tokens: TOKENS, ...options })

  beforeEach(async () => {
    data = temporaryDirectory()
    server = await start()
  })

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await server.close()
    data.remove()
  })

  return {
    get server(): RunningSyncServer {
      return server
    },
    /** Stops the server (storing its documents) and starts it again on the same data, with `options`. */
    async restart(options: Partial<SyncServerOptions> = {}): Promise<void> {
      await server.close()
      server = await start(options)
    },
    connect(name = WORKSPACE, token = RW, doc?: Y.Doc): TestClient {
      const client = connectClient(server.url, name, token, doc)
      clients.push(client)
      return client
    },
  }
}
