import { describe, expect, it, test } from 'vitest'
import { knownWorkspaces, loadConnectionConfig, rememberAndSave, saveConnectionConfig } from './connectionConfig'

test('the connection config falls back to the local workspace when missing or corrupt', () => {
  localStorage.clear()
  expect(loadConnectionConfig()).toEqual({ workspaceId: 'local', serverUrl: null, token: null })
  localStorage.setItem('workfolio:connection', '{not json')
  expect(loadConnectionConfig().workspaceId).toBe('local')
  saveConnectionConfig({ workspaceId: 'team', serverUrl: 'ws://localhost:1234', token: 'abc' })
  expect(loadConnectionConfig()).toEqual({ workspaceId: 'team', serverUrl: 'ws://localhost:1234', token: 'abc' })
})

describe('the workspaces of this device', () => {
  it('lists the local one first and every team workspace opened, and switching keeps them all', () => {
    localStorage.clear()
    const storage = localStorage
    expect(knownWorkspaces(storage).map((w) => w.workspaceId)).toEqual(['local'])
    rememberAndSave({ workspaceId: 'team-a', serverUrl: 'wss://a.example', token: 't1' }, storage)
    rememberAndSave({ workspaceId: 'team-b', serverUrl: 'wss://b.example', token: 't2' }, storage)
    rememberAndSave({ workspaceId: 'local', serverUrl: null, token: null }, storage)
    expect(knownWorkspaces(storage).map((w) => w.workspaceId)).toEqual(['local', 'team-a', 'team-b'])
    expect(loadConnectionConfig(storage).workspaceId).toBe('local')
    storage.setItem('workfolio:workspaces', '{broken')
    expect(knownWorkspaces(storage).map((w) => w.workspaceId)).toEqual(['local'])
  })
})
