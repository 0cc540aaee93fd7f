import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSyncServer, type RunningSyncServer } from '../syncServer'
import { connectClient, RW, temporaryDirectory, TOKENS, waitFor, WORKSPACE } from '../test/harness'

/** Resolves with "open", or the HTTP status the server refused the upgrade with. */
function attempt(url: string): Promise<{ socket: WebSocket; outcome: 'open' | number }> {
  const socket = new WebSocket(url)
  return new Promise((done) => {
    socket.once('open', () => done({ socket, outcome: 'open' }))
    socket.once('unexpected-response', (_request, response) => {
      done({ socket, outcome: response.statusCode ?? 0 })
      socket.terminate()
    })
    socket.once('error', () => undefined)
  })
}

describe('ConnectionLimitExtension', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let server: RunningSyncServer
  const sockets: WebSocket[] = []

  beforeEach(async () => {
    data = temporaryDirectory()
    server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: data.path, tokens: TOKENS, maxConnections: 3 })
  })

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.terminate())
    await server.close()
    data.remove()
  })

  it('refuses connections beyond the limit with 503 and accepts again once one closes', async () => {
    const client = connectClient(server.url, WORKSPACE, RW)
    await waitFor(() => client.provider.isSynced, 'client synced')
    for (let i = 0; i < 2; i++) {
      const { socket, outcome } = await attempt(server.url)
      sockets.push(socket)
      expect(outcome).toBe('open')
    }
    const refused = await attempt(server.url)
    expect(refused.outcome).toBe(503)

    // The connected client is unaffected by the refusal.
    client.doc.getMap('notes').set('still', 'working')
    await waitFor(client.acknowledged, 'edit acknowledged')

    const first = sockets.shift()!
    const closed = new Promise((done) => first.once('close', done))
    first.close()
    await closed
    // The server may see the socket close a moment after the client does.
    let retry = await attempt(server.url)
    for (let tries = 0; retry.outcome !== 'open' && tries < 20; tries++) {
      await new Promise((done) => setTimeout(done, 50))
      retry = await attempt(server.url)
    }
    sockets.push(retry.socket)
    expect(retry.outcome).toBe('open')
    client.destroy()
  })
})
