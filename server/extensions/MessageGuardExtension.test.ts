import { OutgoingMessage } from '@hocuspocus/server'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { waitFor, WORKSPACE } from '../test/harness'
import { useServerPerTest } from '../test/serverPerTest'
import { MALFORMED_MESSAGE_CLOSE_CODE, malformation } from './MessageGuardExtension'

/** An update adding `count` keys named `${prefix}<n>`, from a document of its own. */
function updateAdding(prefix: string, count: number): Uint8Array {
  const doc = new Y.Doc()
  for (let i = 0; i < count; i++) doc.getMap('notes').set(`${prefix}${i}`, `value ${i}`)
  return Y.encodeStateAsUpdate(doc)
}

function updateMessage(update: Uint8Array): Uint8Array {
  return new OutgoingMessage(WORKSPACE).createSyncMessage().writeUpdate(update).toUint8Array()
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length))
}

describe('malformation', () => {
  it('accepts a well-formed update and rejects it truncated, wrapped or bare', () => {
    const update = updateAdding('k', 20)
    expect(malformation(updateMessage(update))).toBeNull()
    expect(malformation(updateMessage(update.subarray(0, update.length - 7)))).toMatch(/undecodable/)
    expect(malformation(updateMessage(update).subarray(0, 30))).toMatch(/undecodable|truncated/)
    expect(malformation(new Uint8Array([...updateMessage(update), 0]))).toBe('trailing bytes')
  })

  it('rejects random bytes', () => {
    for (let i = 0; i < 500; i++) expect(malformation(randomBytes(1 + (i % 300)))).not.toBeNull()
  })
})

describe('MessageGuardExtension', () => {
  const harness = useServerPerTest()
  const connect = harness.connect

  it('closes an authenticated connection that sends a truncated update; the document and other clients are untouched', async () => {
    const a = connect()
    const b = connect()
    a.doc.getMap('notes').set('honest', 'edit')
    await waitFor(() => b.doc.getMap('notes').get('honest') === 'edit', 'honest edit reached b')

    const attacker = connect()
    await waitFor(() => attacker.provider.isSynced, 'attacker authenticated')
    const socket = attacker.socket.webSocket!
    const closed = new Promise<number>((done) => socket.addEventListener('close', (event) => done(event.code)))
    const evil = updateAdding('evil', 50)
    socket.send(updateMessage(evil.subarray(0, Math.floor(evil.length * 0.8))))
    expect(await closed).toBe(MALFORMED_MESSAGE_CLOSE_CODE)
    attacker.destroy()

    a.doc.getMap('notes').set('after', 'still served')
    await waitFor(() => b.doc.getMap('notes').get('after') === 'still served', 'later edit reached b')
    const fresh = connect()
    await waitFor(() => fresh.provider.isSynced, 'fresh client synced')
    expect(fresh.doc.getMap('notes').toJSON()).toEqual({ honest: 'edit', after: 'still served' })
  })

  it('closes a connection that sends random bytes before authenticating', async () => {
    const a = connect()
    const b = connect()
    a.doc.getMap('notes').set('honest', 'edit')
    await waitFor(() => b.doc.getMap('notes').get('honest') === 'edit', 'honest edit reached b')

    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = new WebSocket(harness.server.url)
      await new Promise((done) => raw.once('open', done))
      const closed = new Promise<number>((done) => raw.once('close', (code) => done(code)))
      raw.send(randomBytes(200 + attempt * 100))
      // Hocuspocus closes on its own when even the document name is unreadable (4401).
      expect([MALFORMED_MESSAGE_CLOSE_CODE, 4401]).toContain(await closed)
    }

    a.doc.getMap('notes').set('after', 'still served')
    await waitFor(() => b.doc.getMap('notes').get('after') === 'still served', 'later edit reached b')
    expect(b.doc.getMap('notes').toJSON()).toEqual({ honest: 'edit', after: 'still served' })
  })
})
