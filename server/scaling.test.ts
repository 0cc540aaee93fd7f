import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, RW, startRedis, startServerProcess, temporaryDirectory, waitFor, WORKSPACE, writeTokenFile, type ServerProcess, type TestClient } from './test/harness'

const REDIS_SERVER = '/usr/bin/redis-server'
const redisInstalled = existsSync(REDIS_SERVER)
if (!redisInstalled) console.warn(`skipping the scaling-out tests: ${REDIS_SERVER} is not installed (apt-get install redis-server)`)

describe.skipIf(!redisInstalled)('two server processes sharing one Redis', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let redis: Awaited<ReturnType<typeof startRedis>>
  const servers: ServerProcess[] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    data = temporaryDirectory()
    redis = await startRedis(REDIS_SERVER)
    if (!redis) throw new Error(`${REDIS_SERVER} did not start`)
    const args = ['--port', '0', '--data', data.path, '--tokens', writeTokenFile(data.path), '--redis', `redis://127.0.0.1:${redis.port}`]
    servers.push(...(await Promise.all([startServerProcess(args), startServerProcess(args)])))
  }, 60_000)

  /** SIGTERM: each process stores its open documents before exiting. */
  const stopServers = () =>
    Promise.all(
      servers.splice(0).map(async (server) => {
        server.child.kill('SIGTERM')
        expect(await server.exited).toBe(0)
      }),
    )

  afterAll(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await stopServers()
    await redis?.stop()
    data.remove()
  }, 30_000)

  it('delivers an edit made through one process to a client of the other, both ways', async () => {
    const [first, second] = servers
    expect(first.url).not.toBe(second.url)
    const a = connectClient(first.url, WORKSPACE, RW)
    const b = connectClient(second.url, WORKSPACE, RW)
    clients.push(a, b)
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')

    a.doc.getMap('notes').set('from', 'process one')
    await waitFor(() => b.doc.getMap('notes').get('from') === 'process one', 'edit reached the other process')
    b.doc.getMap('notes').set('reply', 'process two')
    await waitFor(() => a.doc.getMap('notes').get('reply') === 'process two', 'reply came back')

    a.provider.setAwarenessField('user', { name: 'Ada' })
    await waitFor(() => [...b.provider.awareness!.getStates().values()].some((state) => state.user?.name === 'Ada'), 'awareness crossed processes')
  })

  it('stores the edits made through both processes in the shared database', { timeout: 60_000 }, async () => {
    const [first, second] = servers
    const a = connectClient(first.url, WORKSPACE, RW)
    const b = connectClient(second.url, WORKSPACE, RW)
    clients.push(a, b)
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')
    for (let i = 0; i < 100; i++) {
      a.doc.getMap('stored').set(`a${i}`, i)
      b.doc.getMap('stored').set(`b${i}`, i)
      if (i % 10 === 0) await new Promise((done) => setTimeout(done, 30))
    }
    await waitFor(() => a.acknowledged() && b.acknowledged(), 'both acknowledged')
    await waitFor(() => a.doc.getMap('stored').size === 200 && b.doc.getMap('stored').size === 200, 'both sides complete')
    clients.splice(0).forEach((client) => client.destroy())
    await stopServers()

    const alone = await startServerProcess(['--port', '0', '--data', data.path, '--tokens', join(data.path, 'tokens.json')])
    servers.push(alone)
    const reader = connectClient(alone.url, WORKSPACE, RW)
    clients.push(reader)
    await waitFor(() => reader.provider.isSynced, 'reader synced')
    expect(reader.doc.getMap('stored').size).toBe(200)
  })
})
