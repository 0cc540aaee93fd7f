import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { promoteCandidate } from '../../../shared/catalog'
import { applyReviewAction, createReview } from '../../../shared/review'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import type { Workspace } from '../../workspace/openLocalWorkspace'
import { seedReviewWorkspace } from '../../test/reviewTestData'
import { CatalogView } from './CatalogView'

const TRIAGE = { key: 'logs>read>edit>test>doc', steps: ['logs', 'read', 'edit', 'test', 'doc'], runs: ['run-t1', 'run-t2', 'run-t3'] }

beforeEach(() => {
  window.location.hash = '#/catalog'
})

function withRecipe(): Workspace {
  const workspace = createMemoryWorkspace()
  seedReviewWorkspace(workspace)
  createReview(workspace.governance, { id: 'rv-q3', period: '2026-Q3', facilitator: 'p-a', at: '2026-10-05T09:00:00.000Z' })
  const promoted = promoteCandidate(TRIAGE, { id: 'rc-triage', name: 'Incident triage', description: 'From alert to postmortem', reviewId: 'rv-q3', at: '2026-10-05T10:00:00.000Z', maxGap: 1 })
  if (!promoted.ok) throw new Error(promoted.error.message)
  workspace.governance.recipes.put(promoted.recipe)
  workspace.governance.annotations.text('run-t1').insert(0, 'Fixed the outage')
  return workspace
}

test('without recipes it keeps its empty state', () => {
  renderWithWorkspace(<CatalogView />)
  expect(screen.getByRole('heading', { name: 'Recipes your team reuses' })).toBeTruthy()
  expect(screen.getByText(/Multi-step workflows mined from the session logs/)).toBeTruthy()
})

test('lists recipes with steps, live statistics, provenance and version history', () => {
  renderWithWorkspace(<CatalogView />, withRecipe())
  const card = screen.getByTestId('recipe-card')
  expect(within(card).getByRole('heading', { name: 'Incident triage' })).toBeTruthy()
  expect(within(card).getByText('promoted')).toBeTruthy()
  expect(within(card).getAllByLabelText('Steps: logs, read, edit, test, doc')[0].textContent).toBe('logsreadedittestdoc')
  const stats = within(card).getByTestId('recipe-stats')
  // Four runs follow it (three were mined, the fourth matches too); costs 61, 62, 4, 4.
  expect(within(stats).getByText('Runs following it').nextSibling?.textContent).toBe('4 (57% of all runs)')
  expect(within(stats).getByText('Cost per run').nextSibling?.textContent).toBe('median $32.50, p90 $62.00')
  expect(within(stats).getByText('Total cost').nextSibling?.textContent).toBe('$131.00')
  expect(within(stats).getByText('With an outcome note').nextSibling?.textContent).toBe('1 (25%)')
  expect(within(stats).getByText('Portfolios').nextSibling?.textContent).toBe('Incident triage (4)')
  const provenance = within(card).getByTestId('recipe-provenance')
  expect(provenance.textContent).toContain('Mined from 3 runs')
  expect(within(provenance).getByRole('link', { name: '2026 Q3 review' }).getAttribute('href')).toBe('#/review/rv-q3')
  expect(within(provenance).getByRole('link', { name: '3 runs' }).getAttribute('href')).toBe('#/runs/mined-from/rc-triage')
  expect(within(card).getByText('Version history (1)')).toBeTruthy()
})

test('a rename makes a new version; deprecating keeps the recipe readable', () => {
  const workspace = withRecipe()
  renderWithWorkspace(<CatalogView />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'Edit Incident triage' }))
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'On-call triage' } })
  fireEvent.change(screen.getByLabelText('What changed (optional)'), { target: { value: 'clearer name' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save' }))
  expect(workspace.governance.recipes.get('rc-triage')).toMatchObject({ name: 'On-call triage', version: 2 })
  expect(screen.getByText('Version history (2)')).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: 'Deprecate On-call triage' }))
  fireEvent.change(screen.getByLabelText('Why deprecate it'), { target: { value: 'replaced by the runbook' } })
  fireEvent.click(screen.getByRole('button', { name: 'Deprecate' }))
  expect(workspace.governance.recipes.get('rc-triage')).toMatchObject({ status: 'deprecated', version: 3 })
  expect(within(screen.getByRole('region', { name: 'Deprecated' })).getByRole('heading', { name: 'On-call triage' })).toBeTruthy()
})

test('candidates mined from the runs can be promoted here, outside a review', () => {
  const workspace = createMemoryWorkspace()
  seedReviewWorkspace(workspace)
  renderWithWorkspace(<CatalogView />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'Find candidates in the runs' }))
  const [candidate] = screen.getAllByTestId('catalog-candidate')
  expect(candidate.textContent).toContain('4 runs')
  // Explainable: each run of the candidate, with the steps that matched the recipe highlighted.
  fireEvent.click(within(candidate).getByRole('button', { name: 'Show how its runs match' }))
  const matched = within(within(candidate).getByTestId('candidate-runs')).getAllByRole('listitem')
  expect(matched).toHaveLength(4)
  for (const item of matched) expect(item.querySelectorAll('.chip.matched').length).toBeGreaterThanOrEqual(2)
  fireEvent.click(within(candidate).getByRole('button', { name: /^Promote/ }))
  fireEvent.change(within(candidate).getByLabelText('Recipe name'), { target: { value: 'Triage to postmortem' } })
  fireEvent.click(within(candidate).getByRole('button', { name: 'Promote to the catalog' }))
  const [recipe] = workspace.governance.recipes.list().records
  expect(recipe).toMatchObject({ name: 'Triage to postmortem', status: 'promoted', provenance: { reviewId: null } })
  expect(screen.getByRole('heading', { name: 'Triage to postmortem' })).toBeTruthy()
  // Once in the catalog, it is no longer offered as a candidate.
  expect(screen.queryAllByTestId('catalog-candidate').some((c) => c.textContent?.startsWith('logsreadedittestdoc'))).toBe(false)
})

test('a recipe promoted in a review shows up in the catalog as it syncs', () => {
  const workspace = createMemoryWorkspace()
  seedReviewWorkspace(workspace)
  renderWithWorkspace(<CatalogView />, workspace)
  expect(screen.getByRole('heading', { name: 'Recipes your team reuses' })).toBeTruthy()
  act(() => {
    createReview(workspace.governance, { id: 'rv', period: '2026-Q3', facilitator: 'p-a', at: '2026-10-05T09:00:00.000Z' })
    for (let i = 0; i < 3; i++) applyReviewAction(workspace.governance, 'rv', { type: 'advance' }, 'p-a')
    const promoted = promoteCandidate(TRIAGE, { id: 'rc-1', name: 'Triage', description: '', reviewId: 'rv', at: '2026-10-05T10:00:00.000Z', maxGap: 1 })
    if (promoted.ok) workspace.governance.recipes.put(promoted.recipe)
  })
  expect(screen.getByRole('heading', { name: 'Triage' })).toBeTruthy()
})
