import { fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { makePullRequest } from '../../../test/support/outcomeFixtures'
import { createBatch } from '../../../shared/batches/batch'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { setPeriodChoice } from '../../workspace/periodChoice'
import { seedWorkspace, web } from '../../test/portfolioTestData'
import { PortfoliosView } from './PortfoliosView'

beforeEach(() => {
  setPeriodChoice('2026-Q3')
  window.location.hash = `#/portfolios/${web.id}/outcomes`
})

/** Web work owns r2 ($10, acme/api, 2026-07-08); the PR is in a repository no rule ties it to. */
function workspaceWithPullRequest() {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const pull = makePullRequest({ number: 5, repo: 'checkout', headBranch: 'feat/y', createdAt: '2026-07-07T00:00:00.000Z', mergedAt: '2026-07-09T00:00:00.000Z' })
  const batch = createBatch({ kind: 'pullRequests', format: 'github-gh-pr-list', fileNames: ['prs.json'], records: [pull], totals: {}, from: null, to: null, skipped: [], warnings: [], importedAt: '2026-10-01T00:00:00.000Z' })
  workspace.ledger.add(batch)
  return { workspace, pull }
}

test('a person adds a missing link on the Outcomes tab; it counts, says why, syncs as an edit, and can be taken back', () => {
  const { workspace, pull } = workspaceWithPullRequest()
  renderWithWorkspace(<PortfoliosView params={[web.id, 'outcomes']} />, workspace)
  expect(screen.getByText(/No run of this period links to a pull request/)).toBeTruthy()
  expect(screen.getByTestId('cost-per-merged-pr').textContent).toMatch(/^—/)

  fireEvent.change(screen.getByLabelText('Run'), { target: { value: 'r2' } })
  fireEvent.change(screen.getByLabelText('Pull request or incident'), { target: { value: pull.id } })
  fireEvent.click(screen.getByRole('button', { name: 'Add link' }))

  expect(workspace.governance.outcomeLinkEdits.list().records).toEqual([expect.objectContaining({ runId: 'r2', outcomeId: pull.id, action: 'add' })])
  const row = screen.getByRole('row', { name: /checkout #5/ })
  expect(within(row).getByText(/Added by a person on the Outcomes tab/)).toBeTruthy()
  expect(screen.getByTestId('cost-per-merged-pr').textContent).toMatch(/^\$10\.00/)

  fireEvent.click(within(row).getByRole('button', { name: `Remove the link from run r2 to ${pull.id}` }))
  expect(workspace.governance.outcomeLinkEdits.list().records).toEqual([])
  expect(screen.getByText(/No run of this period links to a pull request/)).toBeTruthy()
})
