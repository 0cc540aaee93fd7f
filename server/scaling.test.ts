import { existsSync } from 'node:fs'
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

  afterAll(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await Promise.all(
      servers.map(async (server) => {
        server.child.kill('SIGTERM')
        await server.exited
      }),
    )
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
})
