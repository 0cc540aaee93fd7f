import { expect, test } from 'vitest'
import { loadConnectionConfig, saveConnectionConfig } from './connectionConfig'

test('the connection config falls back to the local workspace when missing or corrupt', () => {
  localStorage.clear()
  expect(loadConnectionConfig()).toEqual({ workspaceId: 'local', serverUrl: null, token: null })
  localStorage.setItem('workfolio:connection', '{not json')
  expect(loadConnectionConfig().workspaceId).toBe('local')
  saveConnectionConfig({ workspaceId: 'team', serverUrl: 'ws://localhost:1234', token: 'abc' })
  expect(loadConnectionConfig()).toEqual({ workspaceId: 'team', serverUrl: 'ws://localhost:1234', token: 'abc' })
})
