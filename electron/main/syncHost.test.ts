import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { connectWorkspace } from '../../renderer/sync/connectWorkspace'
import { decodeJoinCode } from '../../shared/sync/joinCode'
import { SyncHost } from './syncHost'

vi.mock('electron', () => ({}))

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

test('a hosted session serves its workspace to the token it made, and the same call returns the same session', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-host-'))
  dirs.push(dir)
  const host = new SyncHost(dir)
  const info = await host.host('review-room')
  try {
    expect(await host.host('review-room')).toBe(info)
    for (const address of info.addresses) {
      expect(decodeJoinCode(address.joinCode)).toEqual({ serverUrl: address.serverUrl, token: info.token, workspaceId: 'review-room' })
    }
    const governanceDoc = new Y.Doc()
    const connection = connectWorkspace({
      url: info.localServerUrl, token: info.token, workspaceId: 'review-room',
      governanceDoc, ledgerDoc: new Y.Doc(), WebSocketPolyfill: WebSocket,
    })
    await vi.waitFor(() => expect(connection.status()).toBe('synced'), { timeout: 10_000 })
    connection.destroy()
  } finally {
    await host.stop()
  }
})
