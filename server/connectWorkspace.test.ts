import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectWorkspace, type SyncStatus, type WorkspaceConnection } from '../renderer/sync/connectWorkspace'
import { startSyncServer, type RunningSyncServer } from './syncServer'
import { freePort, NodeWebSocket, RO, RW, temporaryDirectory, TOKENS, waitFor, WORKSPACE } from './test/harness'

describe('connectWorkspace (renderer/sync) against a real server', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let port: number
  let server: RunningSyncServer | undefined
  const connections: WorkspaceConnection[] = []
  const start = async () => {
    server = await startSyncServer({ port, host: '127.0.0.1', dataDir: data.path, tokens: TOKENS })
  }
  const connect = (token = RW) => {
    const governanceDoc = new Y.Doc()
    const ledgerDoc = new Y.Doc()
    const connection = connectWorkspace({ url: `ws://127.0.0.1:${port}`, token, workspaceId: WORKSPACE, governanceDoc, ledgerDoc, WebSocketPolyfill: NodeWebSocket })
    connections.push(connection)
    return { connection, governanceDoc, ledgerDoc }
  }

  beforeEach(async () => {
    data = temporaryDirectory()
    port = await freePort()
    await start()
  })

  afterEach(async () => {
    connections.splice(0).forEach((connection) => connection.destroy())
    await server?.close()
    data.remove()
  })

  it('syncs both documents over one socket, shares presence and reports its status', async () => {
    const first = connect()
    const seen: SyncStatus[] = [first.connection.status()]
    first.connection.subscribe((status) => seen.push(status))
    const second = connect()
    await waitFor(() => first.connection.status() === 'synced' && second.connection.status() === 'synced', 'both synced')
    expect(seen[0]).toBe('offline')
    expect(seen.at(-1)).toBe('synced')
    expect(first.connection.readOnly()).toBe(false)

    first.governanceDoc.getMap('portfolios').set('p1', { name: 'Platform' })
    first.ledgerDoc.getMap('batches').set('b1', { records: 3 })
    await waitFor(() => second.governanceDoc.getMap('portfolios').has('p1') && second.ledgerDoc.getMap('batches').has('b1'), 'both documents reached the second client')

    first.connection.awareness.setLocalStateField('user', { name: 'Ada', stage: 'review' })
    await waitFor(() => [...second.connection.awareness.getStates().values()].some((state) => state.user?.name === 'Ada'), 'presence seen')
  })

  it('goes offline when the server stops and back to synced when it returns', { timeout: 30_000 }, async () => {
    const { connection, governanceDoc } = connect()
    await waitFor(() => connection.status() === 'synced', 'synced')
    await server!.close()
    server = undefined
    await waitFor(() => connection.status() === 'offline', 'offline')
    governanceDoc.getMap('portfolios').set('offline', true)
    await start()
    await waitFor(() => connection.status() === 'synced', 'synced again', 20_000)
    const other = connect()
    await waitFor(() => other.governanceDoc.getMap('portfolios').get('offline') === true, 'offline edit delivered')
  })

  it('reports a refused token as denied and a read-only token as read-only', async () => {
    const refused = connect('no-such-token')
    const reader = connect(RO)
    await waitFor(() => refused.connection.status() === 'denied', 'denied')
    await waitFor(() => reader.connection.status() === 'synced', 'reader synced')
    expect(reader.connection.readOnly()).toBe(true)
  })
})
