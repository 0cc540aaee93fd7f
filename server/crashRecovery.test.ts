import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from './syncServer'
import {
  connectClient,
  freePort,
  RW,
  startServerProcess,
  temporaryDirectory,
  waitFor,
  WORKSPACE,
  writeTokenFile,
  type ServerProcess,
  type TestClient,
} from './test/harness'

/** Bounds what a crash may lose: Hocuspocus stores within 1 s of a change; the margin covers the store itself. */
const UNSTORED_WINDOW_MS = 1000 + 250

describe('a server killed with SIGKILL', () => {
  let data: ReturnType<typeof temporaryDirectory>
  let args: string[]
  let server: ServerProcess | undefined
  const clients: TestClient[] = []
  const connect = () => {
    const client = connectClient(server!.url, WORKSPACE, RW)
    clients.push(client)
    return client
  }
  const start = async () => {
    server = await startServerProcess(args)
  }
  const kill = async () => {
    server!.child.kill('SIGKILL')
    expect(await server!.exited).toBe('SIGKILL')
  }

  beforeEach(async () => {
    data = temporaryDirectory()
    args = ['--port', String(await freePort()), '--data', data.path, '--tokens', writeTokenFile(data.path)]
    await start()
  })

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    if (server && server.child.exitCode === null && server.child.signalCode === null) await kill()
    data.remove()
  })

  it('loses nothing acknowledged: clients reconnect by themselves and resend what the server had not stored', { timeout: 60_000 }, async () => {
    const a = connect()
    const b = connect()
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')
    for (let i = 0; i < 200; i++) {
      a.doc.getMap('notes').set(`a${i}`, i)
      b.doc.getMap('notes').set(`b${i}`, i)
      if (i % 20 === 0) await new Promise((done) => setTimeout(done, 20))
    }
    // Acknowledged to each client as the server stores it; the other's edits reach `a` a moment later (a busy machine took longer).
    await waitFor(() => a.acknowledged() && b.acknowledged() && a.doc.getMap('notes').size === 400, 'every edit acknowledged, and seen by a')
    const acknowledged = a.doc.getMap('notes').toJSON()
    expect(Object.keys(acknowledged)).toHaveLength(400)

    await kill()
    a.doc.getMap('notes').set('written while the server was down', true)
    await start()
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both reconnected by themselves', 20_000)
    await waitFor(() => a.acknowledged(), 'offline edit acknowledged')

    const fresh = connect()
    await waitFor(() => fresh.provider.isSynced, 'fresh client synced')
    expect(fresh.doc.getMap('notes').toJSON()).toEqual({ ...acknowledged, 'written while the server was down': true })
    expect(b.doc.getMap('notes').get('written while the server was down')).toBe(true)
  })

  it('keeps on disk, uncorrupted, every edit acknowledged more than a second before the kill', { timeout: 90_000 }, async () => {
    for (let cycle = 0; cycle < 3; cycle++) {
      const writer = connect()
      await waitFor(() => writer.provider.isSynced, 'writer synced')
      // Bursts of edits while stores run; remember when each burst was acknowledged.
      const stored: { at: number; keys: string[] }[] = []
      const killAt = Date.now() + 1500 + Math.random() * 1000
      let burst = 0
      while (Date.now() < killAt) {
        const keys = Array.from({ length: 10 }, (_, i) => `c${cycle}-b${burst}-${i}`)
        for (const key of keys) writer.doc.getMap('notes').set(key, 'x'.repeat(2000))
        await waitFor(writer.acknowledged, 'burst acknowledged')
        stored.push({ at: Date.now(), keys })
        burst += 1
      }
      await kill()
      // Nobody is left to resend: what comes back must come from the database.
      writer.destroy()

      const db = new BetterSqlite3(join(data.path, DATABASE_FILE_NAME))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      db.close()

      await start()
      const reader = connect()
      await waitFor(() => reader.provider.isSynced, 'reader synced')
      const notes = reader.doc.getMap('notes')
      const mustSurvive = stored.filter(({ at }) => at < killAt - UNSTORED_WINDOW_MS).flatMap(({ keys }) => keys)
      expect(mustSurvive.length).toBeGreaterThan(0)
      expect(mustSurvive.filter((key) => !notes.has(key))).toEqual([])
      reader.destroy()
    }
  })
})
