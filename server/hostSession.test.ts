import { afterEach, describe, expect, it } from 'vitest'
import { createHostSession, lanServerUrls } from './hostSession'
import { startSyncServer, type RunningSyncServer } from './syncServer'
import { connectClient, temporaryDirectory, waitFor, type TestClient } from './test/harness'

describe('createHostSession', () => {
  const cleanup: (() => unknown)[] = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('makes a fresh unguessable token per session and a join code carrying address, token and workspace', () => {
    const first = createHostSession('team-room')
    const second = createHostSession('team-room')
    expect(first.token).not.toBe(second.token)
    expect(first.token.length).toBeGreaterThanOrEqual(43)
    expect(first.tokens).toEqual({ [first.token]: { workspace: 'team-room', access: 'rw' } })

    const code = first.joinCodeFor('ws://192.168.1.20:1234')
    expect(code).toMatch(/^wf1\.[A-Za-z0-9_-]+$/)
    expect(JSON.parse(Buffer.from(code.slice(4), 'base64url').toString())).toEqual({ u: 'ws://192.168.1.20:1234', t: first.token, w: 'team-room' })
  })

  it("opens the host's workspace on an embedded server, and only that workspace", async () => {
    const session = createHostSession('team-room')
    const data = temporaryDirectory()
    cleanup.push(() => data.remove())
    const server: RunningSyncServer = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: data.path, tokens: session.tokens })
    cleanup.push(() => server.close())
    const clients: TestClient[] = [connectClient(server.url, 'team-room/ledger', session.token), connectClient(server.url, 'other-room', session.token)]
    cleanup.push(() => clients.forEach((client) => client.destroy()))
    const refused = new Promise<void>((done) => clients[1].provider.on('authenticationFailed', () => done()))
    await waitFor(() => clients[0].provider.isSynced, 'ledger synced')
    await refused
  })

  it('lists network addresses with the port', () => {
    for (const url of lanServerUrls(4444)) expect(url).toMatch(/^ws:\/\/\d+\.\d+\.\d+\.\d+:4444$/)
  })
})
