import { act, fireEvent, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { beforeEach, expect, test } from 'vitest'
import type { Analysis } from '../../../shared/analysis/analyze'
import { makeRecipe } from '../../../test/support/analysisFixtures'
import { emptyTokenCounts } from '../../../shared/records/tokenCounts'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { buildRunRows, formatRunTime } from './runRows'
import { RunsList } from './RunsList'
import { INITIAL_RUNS_STATE } from './runsState'
import { RunsView } from './RunsView'
import { makePortfolio, makeRun, seedRuns } from '../../test/runsTestData'

beforeEach(() => {
  window.location.hash = '#/runs'
})

const unpricedTokens = { ...emptyTokenCounts(), input: 500, output: 100 }

/** Costs that floats cannot tell apart: 0.3, 0.3 + 1e-20 and 0.3 + 2e-20. */
const RUNS = [
  makeRun({ id: 'r1', repo: 'web', branch: 'fix/checkout', costUSD: '0.30000000000000000002', start: '2026-10-05T09:00:00.000Z', end: '2026-10-05T09:30:00.000Z', steps: ['explore', 'edit', 'test', 'commit'] }),
  makeRun({ id: 'r2', tool: 'codex', provider: 'openai', repo: 'api', branch: 'main', models: ['gpt-5'], costUSD: '0.3', start: '2026-10-20T15:00:00.000Z', end: '2026-10-20T15:05:00.000Z' }),
  makeRun({
    id: 'r3', repo: 'web', branch: 'main', costUSD: '0.30000000000000000001', start: '2026-09-12T12:00:00.000Z', end: '2026-09-12T12:45:00.000Z',
    models: ['claude-sonnet-4-5', 'mystery-model'], unpricedModels: ['mystery-model'], steps: ['read-incident', 'propose-fix', 'draft-postmortem'],
    byModel: [
      { model: 'claude-sonnet-4-5', tokens: { ...emptyTokenCounts(), input: 1000, output: 200 }, costUSD: '0.30000000000000000001', priced: true },
      { model: 'mystery-model', tokens: unpricedTokens, costUSD: '0', priced: false },
    ],
  }),
  makeRun({ id: 'r4', tool: 'codex', provider: 'openai', repo: null, branch: null, costUSD: '1.5', start: '2026-11-02T08:00:00.000Z', end: '2026-11-02T08:10:00.000Z' }),
]

function setup(runs = RUNS, params: string[] = []) {
  const workspace = createMemoryWorkspace()
  workspace.governance.portfolios.put(makePortfolio('pf-web', 'Web refactor', [{ field: 'repo', values: ['web'] }]))
  workspace.governance.portfolios.put(makePortfolio('pf-checkout', 'Checkout fixes', [{ field: 'branch', values: ['fix/*'] }]))
  seedRuns(workspace, runs)
  return renderWithWorkspace(<RunsView params={params} />, workspace)
}

const rowIds = () => screen.getAllByTestId('run-row').map((row) => row.dataset.runId)
const rowOf = (id: string) => screen.getAllByTestId('run-row').find((row) => row.dataset.runId === id)!

test('with no runs the view keeps its empty state and points to the import', () => {
  renderWithWorkspace(<RunsView params={[]} />)
  expect(screen.getByText('Every agent session, with its cost and steps')).toBeTruthy()
  expect(screen.getByRole('link', { name: 'Import session logs' }).getAttribute('href')).toBe('#/import')
})

test('each run is a row: local time, tool, repo, branch, models, tokens, exact cost, steps, portfolio', () => {
  setup()
  expect(screen.getByRole('table', { name: 'Runs' }).getAttribute('aria-rowcount')).toBe('5')
  // Newest first by default.
  expect(rowIds()).toEqual(['r4', 'r2', 'r1', 'r3'])

  const r1 = rowOf('r1')
  const time = r1.querySelector('time')!
  expect(time.textContent).toBe(formatRunTime(Date.parse('2026-10-05T09:00:00.000Z')))
  expect(time.getAttribute('dateTime')).toBe('2026-10-05T09:00:00.000Z')
  expect(r1.textContent).toContain('Claude Code')
  expect(r1.textContent).toContain('fix/checkout')
  expect(r1.textContent).toContain('1,200')
  expect(r1.textContent).toContain('$0.30')
  expect(within(r1).getByLabelText('Steps: explore, edit, test, commit').textContent).toBe('exploreedit+2')
  // Two portfolios' rules match r1: it counts once, and says so.
  expect(within(r1).getByText('overlap').getAttribute('title')).toMatch(/Also matched: (Web refactor|Checkout fixes)/)

  expect(rowOf('r2').textContent).toContain('Unassigned')
  expect(rowOf('r3').textContent).toContain('Web refactor')
  expect(within(rowOf('r3')).getByLabelText('Partly unpriced')).toBeTruthy()
  expect(rowOf('r4').textContent).toContain('—')
  // No actor anywhere: the table never shows who ran what.
  expect(document.body.textContent).not.toContain('pseudonym-1')
})

test('sorting by cost compares the exact decimals, both ways', () => {
  setup()
  const cost = screen.getByRole('button', { name: /Cost/ })
  fireEvent.click(cost)
  expect(rowIds()).toEqual(['r4', 'r1', 'r3', 'r2'])
  expect(cost.closest('th')!.getAttribute('aria-sort')).toBe('descending')
  fireEvent.click(cost)
  expect(rowIds()).toEqual(['r2', 'r3', 'r1', 'r4'])
  expect(cost.closest('th')!.getAttribute('aria-sort')).toBe('ascending')
})

test('search and column filters narrow the rows, and the totals are those of the filtered runs', () => {
  setup()
  expect(screen.getByTestId('total-runs').textContent).toBe('4')
  expect(screen.getByTestId('total-cost').getAttribute('title')).toBe('2.40000000000000000003 USD, exact')

  fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'WEB' } })
  expect(rowIds()).toEqual(['r1', 'r3'])
  expect(screen.getByTestId('total-runs').textContent).toBe('2 of 4')
  expect(screen.getByTestId('total-tokens').textContent).toBe('2,400')
  expect(screen.getByTestId('total-cost').textContent).toBe('$0.60')
  expect(screen.getByTestId('total-cost').getAttribute('title')).toBe('0.60000000000000000003 USD, exact')

  fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
  fireEvent.change(screen.getByLabelText('Tool'), { target: { value: 'codex' } })
  expect(rowIds()).toEqual(['r4', 'r2'])
  expect(screen.getByTestId('total-cost').textContent).toBe('$1.80')

  fireEvent.change(screen.getByLabelText('Tool'), { target: { value: '' } })
  fireEvent.change(screen.getByLabelText('Portfolio'), { target: { value: '__unassigned' } })
  expect(rowIds()).toEqual(['r4', 'r2'])
  fireEvent.change(screen.getByLabelText('Portfolio'), { target: { value: '__overlap' } })
  expect(rowIds()).toEqual(['r1'])
  fireEvent.change(screen.getByLabelText('Portfolio'), { target: { value: '' } })
  fireEvent.change(screen.getByLabelText('Repo'), { target: { value: 'api' } })
  expect(rowIds()).toEqual(['r2'])

  fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'nothing like this' } })
  expect(screen.getByText('No runs match these filters.')).toBeTruthy()
  expect(screen.getByTestId('total-runs').textContent).toBe('0 of 4')
})

test('the "No price" toggle keeps only runs with an unpriced model, and clears with the other filters', () => {
  setup()
  const toggle = screen.getByLabelText('No price') as HTMLInputElement
  expect(toggle.checked).toBe(false)
  fireEvent.click(toggle)
  expect(toggle.checked).toBe(true)
  expect(rowIds()).toEqual(['r3'])
  expect(screen.getByTestId('total-runs').textContent).toBe('1 of 4')
  fireEvent.change(screen.getByLabelText('Tool'), { target: { value: 'codex' } })
  expect(screen.getByText('No runs match these filters.')).toBeTruthy()
  fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0])
  expect((screen.getByLabelText('No price') as HTMLInputElement).checked).toBe(false)
  expect(rowIds()).toEqual(['r4', 'r2', 'r1', 'r3'])
})

test('grouping by repo shows a subtotal row per group; a group folds with Enter', () => {
  setup()
  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'repo' } })
  const table = screen.getByRole('table', { name: 'Runs' })
  const bodyRows = () => [...table.querySelectorAll('tbody tr')].map((tr) => (tr.classList.contains('runs-group') ? `[${tr.querySelector('.group-name')!.textContent}]` : (tr as HTMLElement).dataset.runId))
  expect(bodyRows()).toEqual(['[api]', 'r2', '[web]', 'r1', 'r3', '[No repo]', 'r4'])
  const web = [...table.querySelectorAll<HTMLElement>('tr.runs-group')].find((tr) => tr.textContent!.includes('web'))!
  expect(web.querySelector('.group-count')!.textContent).toBe('2 runs')
  expect(web.querySelector('.group-tokens')!.textContent).toBe('2,400')
  expect(web.querySelector('.group-cost')!.getAttribute('title')).toBe('0.60000000000000000003 USD, exact')

  fireEvent.keyDown(web, { key: 'Enter' })
  expect(bodyRows()).toEqual(['[api]', 'r2', '[web]', '[No repo]', 'r4'])

  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'month' } })
  expect(bodyRows()).toEqual(['[November 2026]', 'r4', '[October 2026]', 'r2', 'r1', '[September 2026]', 'r3'])
  fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'portfolio' } })
  expect(bodyRows().slice(-3)).toEqual(['[Unassigned]', 'r4', 'r2'])
})

test('rows are one tab stop; arrows move between them and Enter opens the run', () => {
  setup()
  const rows = screen.getAllByTestId('run-row')
  expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1, -1])
  act(() => rows[0].focus())
  fireEvent.keyDown(rows[0], { key: 'ArrowDown' })
  expect(document.activeElement).toBe(rowOf('r2'))
  expect(rowOf('r2').tabIndex).toBe(0)
  fireEvent.keyDown(rowOf('r2'), { key: 'End' })
  expect(document.activeElement).toBe(rowOf('r3'))
  fireEvent.keyDown(rowOf('r3'), { key: 'Enter' })
  expect(window.location.hash).toBe('#/runs/r3')
})

test('coming back from a run’s detail keeps the sort and filters, and focuses the run that was opened', () => {
  const { rerender } = setup()
  fireEvent.click(screen.getByRole('button', { name: /Cost/ }))
  fireEvent.change(screen.getByLabelText('Repo'), { target: { value: 'web' } })
  fireEvent.click(rowOf('r3'))
  expect(window.location.hash).toBe('#/runs/r3')
  rerender(<RunsView params={['r3']} />)
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Claude Code on web')
  rerender(<RunsView params={[]} />)
  expect(rowIds()).toEqual(['r1', 'r3'])
  expect(document.activeElement).toBe(rowOf('r3'))
})

test('a run’s detail: step timeline, tokens and cost by model with unpriced models visible, and its outcome note', () => {
  const { workspace } = setup(RUNS, ['r3'])
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Claude Code on web')
  const timeline = screen.getByRole('list', { name: 'Step timeline' })
  expect(within(timeline).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1read-incident', '2propose-fix', '3draft-postmortem'])

  const usage = screen.getByRole('table', { name: 'Tokens and cost by model' })
  const mystery = within(usage).getByRole('rowheader', { name: 'mystery-model' }).closest('tr')!
  expect(mystery.textContent).toContain('unpriced')
  expect(mystery.textContent).toContain('600')
  expect(screen.getByRole('note').textContent).toContain('No price is known for mystery-model')
  expect(document.body.textContent).toContain('Web refactor')
  expect(document.body.textContent).not.toContain('pseudonym-1')

  const note = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  fireEvent.change(note, { target: { value: 'Postmortem drafted in an hour' } })
  expect(workspace.governance.annotations.text('r3').toString()).toBe('Postmortem drafted in an hour')

  fireEvent.keyDown(screen.getByRole('heading', { level: 1 }), { key: 'Escape' })
  expect(window.location.hash).toBe('#/runs')
})

test('a catalog recipe\u2019s "mined from" link opens exactly the runs it was mined from', () => {
  const workspace = createMemoryWorkspace()
  workspace.governance.recipes.put(makeRecipe({ id: 'rc-fix', name: 'Explore, edit, test', steps: ['explore', 'edit', 'test'], provenance: { minedFromRuns: ['r1', 'r4'], reviewId: null, promotedAt: null } }))
  seedRuns(workspace, RUNS)
  renderWithWorkspace(<RunsView params={['mined-from', 'rc-fix']} />, workspace)
  expect(rowIds().sort()).toEqual(['r1', 'r4'])
  expect(screen.getByTestId('runs-mined-from').textContent).toContain('The 2 runs “Explore, edit, test” was mined from.')
  expect(screen.getByRole('link', { name: 'Show all runs' }).getAttribute('href')).toBe('#/runs')
})

test('an unknown run id says so and links back', () => {
  setup(RUNS, ['nope'])
  expect(screen.getByText('Run not found')).toBeTruthy()
  expect(screen.getByRole('link', { name: 'Back to runs' }).getAttribute('href')).toBe('#/runs')
})

test('with 100,000 runs only a window of rows is in the DOM, and sorting them stays exact', () => {
  const runs = Array.from({ length: 100_000 }, (_, i) =>
    makeRun({
      id: `run-${i}`,
      repo: `repo-${i % 40}`,
      costUSD: `${i % 97}.${String(i).padStart(6, '0')}`,
      start: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      end: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 30_000).toISOString(),
    }),
  )
  // The rows as the view derives them (the ledger and analysis have their own tests).
  const rows = buildRunRows({ input: { runs, portfolios: [] }, assignment: { runs: new Map() } } as unknown as Analysis)
  function Harness() {
    const [state, setState] = useState(INITIAL_RUNS_STATE)
    return <RunsList rows={rows} portfolios={[]} state={state} setState={setState} returning={false} onOpen={() => undefined} />
  }
  renderWithWorkspace(<Harness />)
  const table = screen.getByRole('table', { name: 'Runs' })
  expect(table.getAttribute('aria-rowcount')).toBe('100001')
  const rendered = screen.getAllByTestId('run-row')
  expect(rendered.length).toBeGreaterThan(10)
  expect(rendered.length).toBeLessThan(60)
  expect(rendered[0].dataset.runId).toBe('run-99999')
  expect(screen.getByTestId('total-runs').textContent).toBe('100,000')
  // The body is as tall as all rows, so the scrollbar is honest.
  expect((table.querySelector('tbody') as HTMLElement).style.height).toBe(`${100_000 * 36}px`)

  fireEvent.click(screen.getByRole('button', { name: /Cost/ }))
  // The largest costs are 96.099909 (i = 99909) and 96.099812 (i = 99812).
  const top = screen.getAllByTestId('run-row').slice(0, 2).map((row) => row.dataset.runId)
  expect(top).toEqual(['run-99909', 'run-99812'])
  expect(screen.getAllByTestId('run-row').length).toBeLessThan(60)
}, 60_000)
