import { act, fireEvent, screen } from '@testing-library/react'
import { beforeEach, expect, test, vi } from 'vitest'
import { exportPortfolioCode, parsePortfolioCode } from '../../../shared/portfolios/portfolioCode'
import { pickedText } from '../../test/pickedFiles'
import { createFakeBridge, createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { incidents, web } from '../../test/portfolioTestData'
import { PortfoliosView } from './PortfoliosView'

beforeEach(() => {
  window.location.hash = '#/portfolios'
})


function setup(text: string) {
  const workspace = createMemoryWorkspace()
  workspace.governance.portfolios.put(web)
  workspace.undoManager.clear()
  const bridge = createFakeBridge({ openFiles: async () => [pickedText('portfolios.json', text, 10)] })
  renderWithWorkspace(<PortfoliosView params={[]} />, workspace, bridge)
  return workspace
}

test('an invalid file names each problem by its path and changes nothing', async () => {
  const bad = JSON.parse(exportPortfolioCode([incidents, web]))
  bad.portfolios[0].rules[0].conditions[0].field = 'project'
  bad.portfolios[1].envelope.currency = 'dollars'
  const workspace = setup(JSON.stringify(bad))
  fireEvent.click(screen.getByRole('button', { name: 'Import JSON…' }))
  const alert = await screen.findByTestId('code-import-errors')
  expect(alert.getAttribute('role')).toBe('alert')
  expect(alert.textContent).toContain('portfolios.json was not imported')
  expect(alert.textContent).toContain('portfolios[0].rules[0].conditions[0].field: "project" is not a field of runs')
  expect(alert.textContent).toContain('portfolios[1].envelope.currency')
  expect(workspace.governance.portfolios.list().records.map((p) => p.id)).toEqual([web.id])
})

test('a file that is not JSON says so', async () => {
  setup('{ "format": ')
  fireEvent.click(screen.getByRole('button', { name: 'Import JSON…' }))
  expect((await screen.findByTestId('code-import-errors')).textContent).toContain('(file): not valid JSON')
})

test('importing merges by id and one undo takes the whole import back', async () => {
  const changedWeb = { ...web, envelope: { ...web.envelope, amount: '30' } }
  const workspace = setup(exportPortfolioCode([incidents, changedWeb]))
  fireEvent.click(screen.getByRole('button', { name: 'Import JSON…' }))
  expect((await screen.findByTestId('code-import-result')).textContent).toContain('1 added, 1 updated, 0 unchanged')
  expect(workspace.governance.portfolios.get(web.id)!.envelope.amount).toBe('30')
  expect(workspace.governance.portfolios.get(incidents.id)!.rules).toEqual(incidents.rules)
  expect(screen.getAllByTestId('portfolio-item')).toHaveLength(2)

  fireEvent.click(screen.getByRole('button', { name: 'Undo import' }))
  expect(workspace.governance.portfolios.list().records.map((p) => p.id)).toEqual([web.id])
  expect(workspace.governance.portfolios.get(web.id)!.envelope.amount).toBe('15')
  expect(screen.getByRole('status').textContent).toBe('Import undone.')
})

test('export saves every definition and its rules through the bridge', async () => {
  const workspace = createMemoryWorkspace()
  workspace.governance.portfolios.put(incidents)
  workspace.governance.portfolios.put(web)
  const saveFile = vi.fn(async () => ({ saved: true, path: '/tmp/portfolios.json' }))
  renderWithWorkspace(<PortfoliosView params={[]} />, workspace, createFakeBridge({ saveFile }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' })))
  const [[name, text, type]] = saveFile.mock.calls as unknown as [string, string, string][]
  expect([name, type]).toEqual(['portfolios.json', 'application/json'])
  const parsed = parsePortfolioCode(text)
  expect(parsed.ok && parsed.portfolios.map((p) => [p.id, p.rules.length])).toEqual([[incidents.id, 1], [web.id, 1]])
  expect(screen.getByRole('status').textContent).toContain('Exported 2 portfolio definitions')
})
