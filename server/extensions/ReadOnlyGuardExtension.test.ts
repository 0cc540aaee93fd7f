import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectClient, RO, RW, startServerProcess, temporaryDirectory, waitFor, WORKSPACE, writeTokenFile, type ServerProcess, type TestClient } from '../test/harness'
import { authMessage, awarenessMessage, broadcastStatelessMessage, closeReason, openRawSocket, type RawSocket } from '../test/rawSocket'

describe('ReadOnlyGuardExtension (server process)', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let server: ServerProcess
  const clients: TestClient[] = []
  let reader: RawSocket | undefined

  const connect = (token: string) => {
    const client = connectClient(server.url, WORKSPACE, token)
    clients.push(client)
    return client
  }
  const names = (client: TestClient) => [...client.provider.awareness!.getStates().values()].map((state) => state.user?.name)

  /** A hand-made client holding the read-only token, authenticated for the workspace. */
  async function readOnlySocket(): Promise<RawSocket> {
    reader = (await openRawSocket(server.url)) as RawSocket
    await reader.send(authMessage(WORKSPACE, RO))
    await waitFor(() => reader!.received.length > 0, 'the read-only token accepted')
    return reader
  }
  const closedByServer = (socket: RawSocket) => socket.received.some((message) => closeReason(message) === 'read-only')

  beforeEach(async () => {
    data = temporaryDirectory()
    server = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path)])
  })

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    reader?.socket.terminate()
    server.child.kill('SIGKILL')
    await server.exited
    data.remove()
  })

  it('closes a read-only connection that sends a stateless broadcast, which no one receives', { timeout: 30_000 }, async () => {
    const writer = connect(RW)
    const observer = connect(RW)
    const heard: string[] = []
    observer.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload))
    await waitFor(() => writer.provider.isSynced && observer.provider.isSynced, 'both synced')

    const attacker = await readOnlySocket()
    await attacker.send(broadcastStatelessMessage(WORKSPACE, 'from the reader'))
    await waitFor(() => closedByServer(attacker), 'the server closed the reader\'s connection as read-only')
    // Sent after the reader's message was handled: had that been relayed, it would have come first.
    writer.socket.send(broadcastStatelessMessage(WORKSPACE, 'from the writer'))
    await waitFor(() => heard.length > 0, 'the writer\'s broadcast heard')
    expect(heard).toEqual(['from the writer'])
  })

  it('closes a read-only connection that sets someone else\'s presence, which stays theirs', { timeout: 30_000 }, async () => {
    const victim = connect(RW)
    const observer = connect(RW)
    victim.provider.setAwarenessField('user', { name: 'Ada' })
    await waitFor(() => names(observer).includes('Ada'), 'the observer sees Ada')

    const attacker = await readOnlySocket()
    await attacker.send(awarenessMessage(WORKSPACE, victim.doc.clientID, { user: { name: 'Mallory' } }))
    await waitFor(() => closedByServer(attacker), 'the server closed the reader\'s connection as read-only')
    // Had the forged entry (clock 1000) been applied, the victim's next update would be ignored.
    victim.provider.setAwarenessField('stage', 'triage')
    await waitFor(() => observer.provider.awareness!.getStates().get(victim.doc.clientID)?.stage === 'triage', 'the victim\'s next update seen')
    expect(observer.provider.awareness!.getStates().get(victim.doc.clientID)?.user).toEqual({ name: 'Ada' })
    expect(names(observer)).not.toContain('Mallory')
  })

  it('lets a read-only provider show its own presence, echo others and keep receiving edits', { timeout: 30_000 }, async () => {
    const writer = connect(RW)
    const readOnly = connect(RO)
    await waitFor(() => writer.provider.isSynced && readOnly.provider.isSynced, 'both synced')
    readOnly.provider.setAwarenessField('user', { name: 'Reader' })
    writer.provider.setAwarenessField('user', { name: 'Writer' })
    await waitFor(() => names(writer).includes('Reader') && names(readOnly).includes('Writer'), 'each sees the other')
    writer.doc.getMap('notes').set('after presence', 'delivered')
    await waitFor(() => readOnly.doc.getMap('notes').get('after presence') === 'delivered', 'the reader still receives edits')
    expect(names(writer)).toContain('Reader')
  })
})
