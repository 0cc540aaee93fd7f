import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { makePortfolio } from '../../test/support/analysisFixtures'
import { encodeJoinCode } from '../../shared/sync/joinCode'
import { createMemoryWorkspace, renderWithWorkspace } from '../test/renderWithWorkspace'
import { openLocalWorkspace } from '../workspace/openLocalWorkspace'
import { knownWorkspaces, loadConnectionConfig } from './connectionConfig'
import { TeamSyncSettings } from './TeamSyncSettings'

const reload = vi.fn()
beforeEach(() => {
  localStorage.clear()
  reload.mockClear()
  vi.stubGlobal('location', { ...window.location, reload })
})
afterEach(() => vi.unstubAllGlobals())

const TEAM = { serverUrl: 'wss://sync.example.com', token: 'secret', workspaceId: 'team-acme' }

function joinWith(workspace = createMemoryWorkspace(), team = TEAM) {
  renderWithWorkspace(<TeamSyncSettings />, workspace)
  fireEvent.change(screen.getByLabelText('Join code'), { target: { value: encodeJoinCode(team) } })
  fireEvent.click(screen.getAllByRole('button', { name: 'Join' })[0])
  return workspace
}

test('joining asks first, and says which workspace is which', () => {
  joinWith()
  const choice = screen.getByTestId('join-choice')
  expect(choice.textContent).toContain('Join team-acme on wss://sync.example.com')
  expect(choice.textContent).toContain('The workspace open now is this device’s own workspace')
  expect(reload).not.toHaveBeenCalled()
  expect(loadConnectionConfig().workspaceId).toBe('local')
})

test('bringing the local workspace along writes its portfolios into the team workspace on this device, then opens it', async () => {
  const local = createMemoryWorkspace()
  local.governance.portfolios.put(makePortfolio({ id: 'pf-mine', name: 'My refactors' }))
  joinWith(local)
  fireEvent.click(screen.getByRole('button', { name: 'Join and bring my workspace' }))
  await waitFor(() => expect(reload).toHaveBeenCalled())
  const team = await openLocalWorkspace('team-acme')
  expect(team.governance.portfolios.get('pf-mine')?.name).toBe('My refactors')
  await team.destroy()
  expect(loadConnectionConfig()).toEqual(TEAM)
  expect(knownWorkspaces().map((w) => w.workspaceId)).toEqual(['local', 'team-acme'])
  // The local workspace itself keeps its portfolio.
  expect(local.governance.portfolios.get('pf-mine')).toBeTruthy()
})

test('keeping it separate opens the team workspace and lists both to switch between', async () => {
  // Another team id: this device's IndexedDB already holds team-acme from the test above.
  joinWith(createMemoryWorkspace(), { ...TEAM, workspaceId: 'team-beta' })
  fireEvent.click(screen.getByLabelText(/^Keep it separate/))
  fireEvent.click(screen.getByRole('button', { name: 'Join, keep mine separate' }))
  await waitFor(() => expect(reload).toHaveBeenCalled())
  const team = await openLocalWorkspace('team-beta')
  expect(team.governance.portfolios.list().records).toEqual([])
  await team.destroy()
  expect(knownWorkspaces().map((w) => w.workspaceId)).toEqual(['local', 'team-beta'])
})
