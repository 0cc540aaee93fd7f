import { act, fireEvent, screen } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../../../shared/workspace/governance'
import { renderWithWorkspace } from '../../test/renderWithWorkspace'
import { PortfoliosView } from './PortfoliosView'

beforeEach(() => {
  window.location.hash = '#/portfolios'
})

test('creating a portfolio stores it in the workspace document and lists it', () => {
  const { workspace, rerender } = renderWithWorkspace(<PortfoliosView params={['new']} />)
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Refactor + tests' } })
  fireEvent.change(screen.getByLabelText('Outcome tags'), { target: { value: 'rework, defects, rework' } })
  fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '$4,000' } })
  fireEvent.click(screen.getByRole('button', { name: 'Create portfolio' }))

  const [stored] = workspace.governance.portfolios.list().records
  expect(stored).toMatchObject({
    name: 'Refactor + tests',
    outcomeTags: ['rework', 'defects'],
    envelope: { amount: '4000', currency: 'USD', period: 'quarter', rollover: false },
    status: 'pilot',
  })
  rerender(<PortfoliosView params={[]} />)
  expect(screen.getByText('Refactor + tests')).toBeTruthy()
  expect(screen.getByTestId('portfolio-envelope').textContent).toBe('$4,000.00 per quarter')
})

test('nothing is saved while the form has errors, and each error is announced', () => {
  const { workspace } = renderWithWorkspace(<PortfoliosView params={['new']} />)
  fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '-5' } })
  fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'dollars' } })
  fireEvent.click(screen.getByRole('button', { name: 'Create portfolio' }))
  expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
    expect.stringContaining('name'),
    expect.stringContaining('positive amount'),
    expect.stringContaining('three-letter'),
  ])
  expect(workspace.governance.portfolios.list().records).toEqual([])
})

test('a deleted portfolio comes back with undo, and a teammate’s change is not undone', () => {
  const { workspace } = renderWithWorkspace(<PortfoliosView params={[]} />)
  // A teammate creates the portfolio; it reaches this workspace as a sync update.
  const teammate = new Governance(new Y.Doc())
  act(() => {
    teammate.portfolios.put({
      id: 'pf-1', name: 'Incident triage', description: '', outcomeTags: ['MTTR'], owningTeam: 'SRE', status: 'pilot',
      envelope: { amount: '100', currency: 'USD', period: 'quarter', rollover: false }, expectedHighCostUSD: null,
      rules: [], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    })
    Y.applyUpdate(workspace.governance.doc, Y.encodeStateAsUpdate(teammate.doc), 'sync')
  })
  fireEvent.click(screen.getByRole('button', { name: 'Delete Incident triage' }))
  fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
  expect(screen.getByText('No portfolios yet')).toBeTruthy()

  act(() => workspace.undoManager.undo())
  expect(screen.getByText('Incident triage')).toBeTruthy()
  act(() => workspace.undoManager.undo())
  expect(screen.getByText('Incident triage')).toBeTruthy()
})

test('deleting a portfolio offers Undo, which brings it back exactly as it was', () => {
  const { workspace } = renderWithWorkspace(<PortfoliosView params={[]} />)
  const portfolio = {
    id: 'pf-2', name: 'Refactor + tests', description: 'Refactors with their tests', outcomeTags: ['rework'], owningTeam: 'Web team', status: 'scaling' as const,
    envelope: { amount: '2500', currency: 'USD', period: 'quarter' as const, rollover: true }, expectedHighCostUSD: '20',
    rules: [{ id: 'web', target: 'runs' as const, combine: 'all' as const, conditions: [{ field: 'repo' as const, values: ['acme/web'] }] }], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
  }
  act(() => workspace.governance.portfolios.put(portfolio))
  fireEvent.click(screen.getByRole('button', { name: 'Delete Refactor + tests' }))
  fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
  expect(workspace.governance.portfolios.get('pf-2')).toBeUndefined()
  expect(screen.getByTestId('portfolio-deleted').textContent).toContain('Deleted “Refactor + tests”.')
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
  expect(workspace.governance.portfolios.get('pf-2')).toEqual(portfolio)
  expect(screen.queryByTestId('portfolio-deleted')).toBeNull()
  expect(screen.getByText('Refactor + tests')).toBeTruthy()
})
