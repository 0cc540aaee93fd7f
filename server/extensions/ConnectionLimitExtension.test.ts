import { afterEach, describe, expect, it } from 'vitest'
import { POLICY_VIOLATION_CLOSE_CODE } from './closeForPolicy'
import { MAX_UNAUTHENTICATED_BYTES, MAX_UNAUTHENTICATED_MESSAGES } from '../syncServer'
import { connectClient, RW, startServerProcess, temporaryDirectory, waitFor, WORKSPACE, writeTokenFile, type ServerProcess, type TestClient } from '../test/harness'
import { flood, openRawSocket, STOPPED_FLOOD, updateMessage, type RawSocket } from '../test/rawSocket'

/** Every attack runs against `server/main.ts` in its own process, as a team would run it. */
describe('ConnectionLimitExtension (server process under hostile sockets)', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let server: ServerProcess
  const sockets: RawSocket[] = []
  const clients: TestClient[] = []

  async function start(...flags: string[]): Promise<void> {
    data = temporaryDirectory()
    server = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path), ...flags])
  }

  async function open(from: string): Promise<RawSocket | number> {
    const socket = await openRawSocket(server.url, from)
    if (typeof socket !== 'number') sockets.push(socket)
    return socket
  }

  function connect(from: string): TestClient {
    const client = connectClient(server.url, WORKSPACE, RW, undefined, from)
    clients.push(client)
    return client
  }

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    sockets.splice(0).forEach(({ socket }) => socket.terminate())
    server.child.kill('SIGKILL')
    await server.exited
    data.remove()
  })

  it('closes a socket that sends far more than the unauthenticated budget, and does not hold what it sent', { timeout: 60_000 }, async () => {
    await start()
    const attacker = (await open('127.0.0.1')) as RawSocket
    // Unfixed, the server queued all 256 MiB of it and kept the socket open.
    const outcome = await flood(attacker, WORKSPACE, server.child.pid!)
    expect(outcome.close).toEqual({ code: POLICY_VIOLATION_CLOSE_CODE, reason: 'too much data before authentication' })
    expect(outcome.attemptedBytes).toBeLessThan(STOPPED_FLOOD.attemptedBytesBelow)
    expect(outcome.serverGrowthBytes).toBeLessThan(STOPPED_FLOOD.serverGrowthBelow)
  })

  it('closes a socket that sends many small messages before authenticating', { timeout: 60_000 }, async () => {
    await start()
    const attacker = (await open('127.0.0.1')) as RawSocket
    const message = updateMessage(WORKSPACE, 10)
    // Far fewer bytes than the byte budget: it is the count that closes the socket.
    expect((MAX_UNAUTHENTICATED_MESSAGES + 1) * message.length).toBeLessThan(MAX_UNAUTHENTICATED_BYTES)
    for (let sent = 0; sent < 10_000 && (await attacker.send(message)); sent++);
    expect(await attacker.closed).toEqual({ code: POLICY_VIOLATION_CLOSE_CODE, reason: 'too many messages before authentication' })
  })

  it('closes a socket that never authenticates once the timeout passes', { timeout: 30_000 }, async () => {
    await start('--authentication-timeout-ms', '300')
    const idle = (await open('127.0.0.1')) as RawSocket
    expect(await idle.closed).toEqual({ code: POLICY_VIOLATION_CLOSE_CODE, reason: 'authentication timeout' })
  })

  it('limits the sockets of one address, so 200 idle ones from there lock no one else out', { timeout: 60_000 }, async () => {
    await start('--authentication-timeout-ms', '60000')
    const outcomes = []
    for (let i = 0; i < 200; i++) outcomes.push(typeof (await open('127.0.0.2')) === 'number' ? 'refused' : 'open')
    expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(32)
    expect(await openRawSocket(server.url, '127.0.0.2')).toBe(429)

    const client = connect('127.0.0.1')
    await waitFor(() => client.provider.isSynced, 'a provider from another address synced')
    client.doc.getMap('notes').set('kept', 'yes')
    await waitFor(client.acknowledged, 'its edit acknowledged')
  })

  it('gives a full server\'s oldest unauthenticated slot to a client that authenticates', { timeout: 60_000 }, async () => {
    // The timeout is far beyond the test: only displacing an idle socket can let the client in.
    await start('--authentication-timeout-ms', '600000')
    for (let i = 0; i < 200; i++) expect(typeof (await open(`127.0.1.${1 + (i % 10)}`))).toBe('object')

    const client = connect('127.0.0.1')
    await waitFor(() => client.provider.isSynced, 'a provider synced on a server full of idle sockets')
    const displaced = await Promise.race([sockets[0].closed, new Promise((done) => setTimeout(done, 5000, 'still open'))])
    expect(displaced).toEqual({ code: POLICY_VIOLATION_CLOSE_CODE, reason: 'server full: slot given to a newer connection' })

    // Once every slot is authenticated, the next socket gets 503 instead of displacing anyone.
    for (let i = 1; i < 200; i++) sockets[i].socket.terminate()
    const authenticated = Array.from({ length: 199 }, (_, i) => connect(`127.0.2.${1 + (i % 10)}`))
    await waitFor(() => authenticated.every((other) => other.provider.isSynced), '199 more providers synced', 30_000)
    expect(await openRawSocket(server.url, '127.0.3.1')).toBe(503)
    expect(client.provider.isSynced).toBe(true)
  })
})
