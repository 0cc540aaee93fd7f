import { expect, test } from 'vitest'
import { decodeJoinCode, encodeJoinCode } from './joinCode'

test('a join code round-trips the server, token and workspace, and garbage is refused', () => {
  const code = encodeJoinCode({ serverUrl: 'ws://192.168.1.20:1234', token: 'sëcret+/=', workspaceId: 'acme-platform' })
  expect(code).toMatch(/^wf1\.[A-Za-z0-9_-]+$/)
  expect(decodeJoinCode(` ${code} `)).toEqual({ serverUrl: 'ws://192.168.1.20:1234', token: 'sëcret+/=', workspaceId: 'acme-platform' })
  expect(decodeJoinCode('wf1.!!!')).toBeNull()
  expect(decodeJoinCode('hello')).toBeNull()
  expect(decodeJoinCode(encodeJoinCode({ serverUrl: 'http://x', token: 't', workspaceId: 'w' }))).toBeNull()
  expect(decodeJoinCode(encodeJoinCode({ serverUrl: 'ws://x:1', token: 't', workspaceId: 'a/ledger' }))).toBeNull()
})
