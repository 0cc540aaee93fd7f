import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Ledger } from '../shared/workspace/ledger'
import { startSyncServer } from './syncServer'
import { fillLedger } from '../test/support/generatedRuns'
import { temporaryDirectory, TOKENS, waitFor, WORKSPACE, type TestClient } from './test/harness'
import { useServerPerTest } from './test/serverPerTest'

describe('sync server', () => {
  const harness = useServerPerTest()
  const connect = harness.connect

  it('converges concurrent edits to one map and shares awareness between two clients', async () => {
    const a = connect()
    const b = connect()
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both clients synced')
    const mapA = a.doc.getMap<number>('portfolios')
    const mapB = b.doc.getMap<number>('portfolios')
    for (let i = 0; i < 50; i++) {
      mapA.set(`a${i}`, i)
      mapB.set(`b${i}`, i)
      mapA.set('shared', i)
      mapB.set('shared', 100 + i)
    }
    await waitFor(() => mapA.size === 101 && mapB.size === 101, 'all keys on both sides')
    await waitFor(() => mapA.get('shared') === mapB.get('shared'), 'the contested key agrees')
    expect(mapA.toJSON()).toEqual(mapB.toJSON())

    a.provider.setAwarenessField('user', { name: 'Ada', stage: 'review' })
    b.provider.setAwarenessField('user', { name: 'Bo', stage: 'triage' })
    const names = (client: TestClient) => [...client.provider.awareness!.getStates().values()].map((state) => state.user?.name).sort()
    await waitFor(() => names(a).join() === 'Ada,Bo' && names(b).join() === 'Ada,Bo', 'each sees the other in awareness')
  })

  it('merges the edits a client made offline with the edits made meanwhile', async () => {
    const a = connect()
    const b = connect()
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both clients synced')
    a.socket.disconnect()
    await waitFor(() => !a.provider.isSynced, 'a offline')
    a.doc.getMap('notes').set('offline', 'written by a while offline')
    b.doc.getMap('notes').set('online', 'written by b meanwhile')
    await waitFor(b.acknowledged, 'b acknowledged')
    void a.socket.connect()
    const both = (client: TestClient) => client.doc.getMap('notes').size === 2
    await waitFor(() => both(a) && both(b), 'both edits on both clients')
    expect(b.doc.getMap('notes').get('offline')).toBe('written by a while offline')
  })

  it('keeps documents across a restart (stored on close)', async () => {
    const a = connect()
    a.doc.getMap('notes').set('kept', 'yes')
    await waitFor(a.acknowledged, 'edit acknowledged')
    a.destroy()
    await harness.restart()
    const b = connect()
    await waitFor(() => b.provider.isSynced, 'new client synced')
    expect(b.doc.getMap('notes').get('kept')).toBe('yes')
  })

  it('closes a connection that sends an oversized message and keeps serving the others', async () => {
    await harness.restart({ maxMessageBytes: 64 * 1024 })
    const a = connect()
    const b = connect()
    a.doc.getMap('notes').set('before', 'intact')
    await waitFor(() => b.doc.getMap('notes').get('before') === 'intact', 'first edit reached b')

    const raw = new WebSocket(harness.server.url)
    await new Promise((done) => raw.once('open', done))
    const closed = new Promise<number>((done) => raw.once('close', (code) => done(code)))
    raw.send(new Uint8Array(65 * 1024))
    expect(await closed).toBe(1009)

    a.doc.getMap('notes').set('after', 'still served')
    await waitFor(() => b.doc.getMap('notes').get('after') === 'still served', 'later edit reached b')
    expect(b.doc.getMap('notes').get('before')).toBe('intact')
  })

  it('reports a port already in use as an error, not a crash', async () => {
    const other = temporaryDirectory()
    await expect(startSyncServer({ port: harness.server.port, host: '127.0.0.1', dataDir: other.path, tokens: TOKENS })).rejects.toThrow(
      /cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/,
    )
    other.remove()
    const client = connect()
    await waitFor(() => client.provider.isSynced, 'the first server still serves')
  })

  it('delivers a ledger of 100,000 runs to a new client', { timeout: 120_000 }, async () => {
    const ledgerName = `${WORKSPACE}/ledger`
    const importer = connect(ledgerName)
    // Import once connected: a provider resets its unsynced-change count when it (re)connects.
    await waitFor(() => importer.provider.isSynced, 'importer synced')
    fillLedger(importer.doc, 100_000, 10_000)
    await waitFor(importer.acknowledged, 'import acknowledged', 60_000)

    const reader = connect(ledgerName)
    await waitFor(() => reader.provider.isSynced, 'reader synced', 60_000)
    const runs = new Ledger(reader.doc).runs()
    expect(runs.problems).toEqual([])
    expect(runs.records).toHaveLength(100_000)
  })
})
