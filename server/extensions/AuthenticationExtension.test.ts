import { MessageType } from '@hocuspocus/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSyncServer, type RunningSyncServer } from '../syncServer'
import {
  connectClient,
  OTHER_RW,
  OTHER_WORKSPACE,
  RO,
  RW,
  startServerProcess,
  temporaryDirectory,
  TOKENS,
  waitFor,
  WORKSPACE,
  writeTokenFile,
  type TestClient,
} from '../test/harness'
import { authMessage, messageType, openRawSocket, type RawSocket } from '../test/rawSocket'

describe('AuthenticationExtension', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let server: RunningSyncServer
  const clients: TestClient[] = []
  const connect = (name: string, token: string) => {
    const client = connectClient(server.url, name, token)
    clients.push(client)
    return client
  }
  const start = async () => {
    server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: data.path, tokens: TOKENS })
  }
  const refusal = (client: TestClient) =>
    new Promise<string>((done) => client.provider.on('authenticationFailed', ({ reason }: { reason: string }) => done(reason)))

  /** Everything the server printed during the test: no token may appear in it. */
  let logged: string[]

  beforeEach(async () => {
    logged = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '))
        original(...args)
      })
    }
    data = temporaryDirectory()
    await start()
    const writer = connect(WORKSPACE, RW)
    writer.doc.getMap('notes').set('secret', 'alpha only')
    await waitFor(writer.acknowledged, 'seed edit acknowledged')
  })

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await server.close()
    data.remove()
    vi.restoreAllMocks()
    for (const token of [...Object.keys(TOKENS), 'not-a-token']) expect(logged.filter((line) => line.includes(token))).toEqual([])
  })

  it('refuses an unknown token and sends it nothing', async () => {
    const intruder = connect(WORKSPACE, 'not-a-token')
    expect(await refusal(intruder)).toBe('permission-denied')
    expect(logged.some((line) => line.includes('refused ws-alpha: unknown token'))).toBe(true)
    expect(intruder.provider.isSynced).toBe(false)
    expect(intruder.doc.getMap('notes').size).toBe(0)
  })

  it("refuses a token for another workspace, for both of this workspace's documents", async () => {
    const governance = connect(WORKSPACE, OTHER_RW)
    const ledger = connect(`${WORKSPACE}/ledger`, OTHER_RW)
    await Promise.all([refusal(governance), refusal(ledger)])
    expect(governance.doc.getMap('notes').size).toBe(0)
    const own = connect(OTHER_WORKSPACE, OTHER_RW)
    await waitFor(() => own.provider.isSynced, 'the token still opens its own workspace')
  })

  it('lets one token open both the governance and the ledger document of its workspace', async () => {
    const governance = connect(WORKSPACE, RW)
    const ledger = connect(`${WORKSPACE}/ledger`, RW)
    await waitFor(() => governance.provider.isSynced && ledger.provider.isSynced, 'both documents synced')
    expect(governance.doc.getMap('notes').get('secret')).toBe('alpha only')
  })

  it('lets a read-only token read but never write, neither to other clients nor to storage', async () => {
    const reader = connect(WORKSPACE, RO)
    const writer = connect(WORKSPACE, RW)
    await waitFor(() => reader.provider.isSynced && writer.provider.isSynced, 'both synced')
    expect(reader.provider.authorizedScope).toBe('readonly')
    expect(reader.doc.getMap('notes').get('secret')).toBe('alpha only')

    reader.doc.getMap('notes').set('vandalism', 'from the read-only client')
    // A later edit from the writer reaching the reader shows the server has handled the reader's message.
    writer.doc.getMap('notes').set('later', 'from the writer')
    await waitFor(() => reader.doc.getMap('notes').get('later') === 'from the writer', 'writer edit reached the reader')
    await new Promise((done) => setTimeout(done, 200))
    expect(writer.doc.getMap('notes').has('vandalism')).toBe(false)
    expect(reader.provider.unsyncedChanges).toBeGreaterThan(0)

    clients.splice(0).forEach((client) => client.destroy())
    await server.close()
    await start()
    const fresh = connect(WORKSPACE, RW)
    await waitFor(() => fresh.provider.isSynced, 'fresh client synced')
    expect(fresh.doc.getMap('notes').get('later')).toBe('from the writer')
    expect(fresh.doc.getMap('notes').has('vandalism')).toBe(false)
  })
})

describe('AuthenticationExtension against guessing (server process)', () => {
  it('slows each failure from an address down, doubling, even for guesses sent all at once', { timeout: 60_000 }, async () => {
    const data = temporaryDirectory()
    const server = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path)])
    const guesser = (await openRawSocket(server.url, '127.0.0.7')) as RawSocket
    try {
      const started = Date.now()
      // Six guesses in one burst, each for a document of its own so that each is judged.
      for (let i = 0; i < 6; i++) void guesser.send(authMessage(`${WORKSPACE}-${i}`, `guess-${i}-${'x'.repeat(40)}`))
      await waitFor(() => guesser.received.length === 6, 'six refusals')
      // Waits of 0 + 100 + 200 + 400 + 800 + 1600 ms come before the sixth refusal.
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000)
      expect(guesser.received.map(messageType)).toEqual(Array(6).fill(MessageType.Auth))
    } finally {
      guesser.socket.terminate()
      server.child.kill('SIGKILL')
      await server.exited
      data.remove()
    }
  })
})
