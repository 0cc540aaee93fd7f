import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, expect, test, vi } from 'vitest'
import { promoteCandidate } from '../../../shared/catalog'
import { applyReviewAction, createReview, decideRecipe, reviewCandidates, reviewScope } from '../../../shared/review'
import { currentAnalysis } from '../../workspace/analysis/analysisCache'
import { changePortfolio } from '../../../shared/workspace/portfolioHistory'
import { createFakeBridge, createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import type { Workspace } from '../../workspace/openLocalWorkspace'
import { makeRun } from '../../../test/support/analysisFixtures'
import { emptyTokenCounts } from '../../../shared/records/tokenCounts'
import { importRecords } from '../../test/portfolioTestData'
import { seedReviewWorkspace } from '../../test/reviewTestData'
import { ReviewView } from './ReviewView'

const ME = 'p-me000001'
const OTHER = 'p-other0001'

beforeEach(() => {
  localStorage.setItem('workfolio:participant', ME)
  window.location.hash = '#/review'
})

function seeded(): Workspace {
  const workspace = createMemoryWorkspace()
  seedReviewWorkspace(workspace)
  return workspace
}

/** A Q3 review started by `facilitator`, moved on to `stage` steps. */
function reviewAt(workspace: Workspace, facilitator: string, advances = 0, voteBudget?: number) {
  createReview(workspace.governance, { id: 'rv-q3', period: '2026-Q3', facilitator, at: '2026-10-05T09:00:00.000Z', voteBudget })
  for (let i = 0; i < advances; i++) applyReviewAction(workspace.governance, 'rv-q3', { type: 'advance' }, facilitator)
}

const review = (workspace: Workspace) => workspace.governance.reviews.get('rv-q3')!

test('without a review it offers to start one; whoever starts it facilitates, by device id, at stage 1', () => {
  const workspace = seeded()
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  expect(screen.getByRole('heading', { name: 'No review yet — start the 2026 Q3 review' })).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: 'Start the 2026 Q3 review' }))

  const [started] = workspace.governance.reviews.list().records
  expect(started).toMatchObject({ period: '2026-Q3', stage: 'check-in', status: 'active', facilitator: ME, participants: [ME] })
  expect(window.location.hash).toBe(`#/review/${started.id}`)
  expect(screen.getByRole('heading', { name: '1. Check-in & data coverage' })).toBeTruthy()
  expect(screen.getByTestId('checkin-prompt').textContent).toContain('which workflow changed an outcome')
  const coverage = screen.getByTestId('review-coverage')
  expect(within(coverage).getByText('Agent runs').nextSibling?.textContent).toBe('7')
  expect(within(coverage).getByText('Providers').nextSibling?.textContent).toBe('anthropic')
  expect(screen.getByText('You facilitate this review', { exact: false }).textContent).toBe('You facilitate this review · 1 participant')
})

test('stage 1 says how many of the period\'s runs have no price; runs of other periods do not count', () => {
  const workspace = seeded()
  const model = 'in-house-llm'
  const unpriced = (id: string, start: string) =>
    makeRun({ id, start, costUSD: '0', models: [model], unpricedModels: [model], byModel: [{ model, tokens: { ...emptyTokenCounts(), input: 10 }, costUSD: '0', priced: false }] })
  importRecords(workspace, [unpriced('np-1', '2026-08-02T09:00:00.000Z'), unpriced('np-q2', '2026-05-02T09:00:00.000Z')], [])
  reviewAt(workspace, ME)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  expect(screen.getByTestId('unpriced-notice').textContent).toContain('1 run on 1 model has no price (in-house-llm)')
})

test('only the facilitator moves between stages; anyone else suggests moving on, counted for all', () => {
  const workspace = seeded()
  reviewAt(workspace, OTHER)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  // This device joined as a participant, and cannot advance.
  expect(review(workspace).participants).toEqual([OTHER, ME])
  expect(screen.queryByRole('button', { name: /^Next/ })).toBeNull()
  expect(screen.getByTestId('move-on-count').textContent).toBe('No one has suggested moving on yet')

  fireEvent.click(screen.getByRole('button', { name: 'Suggest moving on' }))
  expect(review(workspace).moveOnRequests).toEqual([ME])
  expect(screen.getByTestId('move-on-count').textContent).toBe('1 suggests moving on')
  expect(screen.getByRole('button', { name: 'Withdraw my suggestion' }).getAttribute('aria-pressed')).toBe('true')

  // The facilitator's device moves on: the stage changes here too and the suggestions clear.
  act(() => void applyReviewAction(workspace.governance, 'rv-q3', { type: 'advance' }, OTHER))
  expect(screen.getByRole('heading', { name: '2. Portfolio scorecards' })).toBeTruthy()
  expect(screen.getByTestId('move-on-count').textContent).toBe('No one has suggested moving on yet')
  expect(screen.getAllByTestId('scorecard')).toHaveLength(3)
  expect(screen.getAllByText('Adoption').map((dt) => dt.nextSibling?.textContent)).toEqual(['0 runs, 0 repos, 0 contributors', '4 runs, 1 repo, 4 contributors', '3 runs, 1 repo, 1 contributor'])
  expect(screen.getByText(/facilitates this review/).textContent).toContain(' · 2 participants')
  expect(applyReviewAction(workspace.governance, 'rv-q3', { type: 'advance' }, ME)).toMatchObject({ ok: false, error: { code: 'not-facilitator' } })
})

test('when the facilitator is not here, anyone can take over so the meeting is never stuck', () => {
  const workspace = seeded()
  reviewAt(workspace, OTHER)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'Take over facilitation' }))
  expect(review(workspace).facilitator).toBe(ME)
  expect(screen.getByRole('button', { name: /^Next/ })).toBeTruthy()
})

test('the facilitator advances, goes back, pauses and resumes', () => {
  const workspace = seeded()
  reviewAt(workspace, ME)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  expect(screen.getByRole('button', { name: 'Back' })).toHaveProperty('disabled', true)
  fireEvent.click(screen.getByRole('button', { name: 'Next: Portfolio scorecards' }))
  fireEvent.click(screen.getByRole('button', { name: 'Next: High-cost runs' }))
  expect(review(workspace).stage).toBe('high-cost')
  expect(screen.getByRole('navigation', { name: 'Review stages' }).querySelector('[aria-current="step"]')?.textContent).toBe('3. High-cost runs')
  fireEvent.click(screen.getByRole('button', { name: 'Back' }))
  expect(review(workspace).stage).toBe('scorecards')

  fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
  expect(review(workspace).status).toBe('paused')
  expect(screen.getByRole('status').textContent).toContain('Paused')
  expect(screen.getByRole('button', { name: /^Next/ })).toHaveProperty('disabled', true)
  fireEvent.click(screen.getByRole('button', { name: 'Resume' }))
  expect(review(workspace).status).toBe('active')
  expect(screen.getByRole('button', { name: /^Next/ })).toHaveProperty('disabled', false)
})

test('stage 3 lists high-cost runs per portfolio with their notes, never who ran them; the rest form a queue', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 2)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  expect(screen.getByTestId('note-queue').textContent).toContain('2 of 2 high-cost runs still need an outcome note')
  const group = screen.getByRole('region', { name: 'Incident triage' })
  expect(within(group).getAllByText('Needs a note')).toHaveLength(2)
  expect(document.body.textContent).not.toContain('actor-')
  expect(screen.getByLabelText('Outcome note')).toBeTruthy()
  // Typing in the open note takes the run out of the queue, but its note stays open.
  const editor = screen.getByLabelText('Outcome note') as HTMLTextAreaElement
  fireEvent.change(editor, { target: { value: 'F' } })
  expect(screen.getByTestId('note-queue').textContent).toContain('1 of 2 high-cost runs still needs an outcome note')
  expect(screen.getByLabelText('Outcome note')).toBe(editor)
  expect(workspace.governance.annotations.isAnnotated('run-t2')).toBe(true)
  fireEvent.click(screen.getByRole('button', { name: 'Next in the queue' }))
  // The note panel names the run by repo and date, never by a hash; each row shows repo and tool.
  expect(screen.getByTestId('high-cost-note-run').textContent).toBe('Run in acme/ops · main · Jul 1, 2026')
  expect(screen.getByRole('link', { name: 'acme/ops · main · Jul 1, 2026' }).getAttribute('href')).toBe('#/runs/run-t1')
  expect(within(group).getAllByTestId('high-cost-run-where').map((n) => n.textContent)).toEqual(['acme/ops · claude-code', 'acme/ops · claude-code'])
  act(() => workspace.governance.annotations.text('run-t1').insert(0, 'Found the root cause of the outage'))
  expect(screen.getByTestId('note-queue').textContent).toBe('All 2 high-cost runs carry an outcome note. ')
})

test("stage 3 by default shows each portfolio's own top 5%, its threshold and the portfolio's expected one", () => {
  const workspace = seeded()
  workspace.governance.settings.set('highCostRule', 'top-5%')
  workspace.governance.portfolios.update('pf-triage', { expectedHighCostUSD: '25' })
  reviewAt(workspace, ME, 2)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  // Each portfolio's costliest run, however cheap: $62 of the triage runs; the web runs all cost $2, and ties count.
  expect(screen.getByTestId('note-queue').textContent).toContain('4 of 4 high-cost runs')
  const [triageGroup, webGroup] = screen.getAllByTestId('high-cost-group')
  expect(within(triageGroup).getByTestId('high-cost-threshold').textContent).toBe('1 run: the top 5% of its runs: $62.00 and above. Expects high-cost runs above $25.00.')
  expect(within(webGroup).getByTestId('high-cost-threshold').textContent).toBe('3 runs: the top 5% of its runs: $2.00 and above. Sets no expected high-cost threshold.')
  expect(screen.getByTestId('high-cost-rule').textContent).toContain("each portfolio's own top 5%")
})

test('stage 4 promotes a mined candidate into the catalog, with the review as its provenance', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 3)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  const [candidate] = screen.getAllByTestId('recipe-candidate')
  expect(candidate.textContent).toContain('4 runs')
  fireEvent.click(within(candidate).getByRole('button', { name: 'Promote…' }))
  fireEvent.change(within(candidate).getByLabelText('Recipe name'), { target: { value: 'Incident triage to postmortem' } })
  fireEvent.click(within(candidate).getByRole('button', { name: 'Promote to the catalog' }))

  const [recipe] = workspace.governance.recipes.list().records
  expect(recipe).toMatchObject({
    name: 'Incident triage to postmortem',
    steps: ['logs', 'read', 'edit', 'test', 'doc'],
    status: 'promoted',
    provenance: { reviewId: 'rv-q3', minedFromRuns: ['run-t1', 'run-t2', 'run-t3', 'run-t4'] },
  })
  expect(review(workspace).recipeDecisions).toEqual([expect.objectContaining({ action: 'promote', recipeId: recipe.id })])
  expect(within(candidate).getByTestId('recipe-decision').textContent).toContain('Incident triage to postmortem')
})

test('stage 4 merges a candidate into an existing recipe, or rejects it with a reason', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 3)
  const existing = promoteCandidate(
    { key: 'logs>edit>test', steps: ['logs', 'edit', 'test'], runs: ['run-t1'] },
    { id: 'rc-old', name: 'Triage (old)', description: '', reviewId: null, at: '2026-06-01T00:00:00.000Z', maxGap: 1 },
  )
  if (existing.ok) workspace.governance.recipes.put(existing.recipe)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  const [candidate] = screen.getAllByTestId('recipe-candidate')
  fireEvent.click(within(candidate).getByRole('button', { name: 'Reject…' }))
  fireEvent.click(within(candidate).getByRole('button', { name: 'Cancel' }))
  fireEvent.click(within(candidate).getByRole('button', { name: 'Merge into…' }))
  expect(within(candidate).getByLabelText('Into recipe')).toHaveProperty('value', 'rc-old')
  fireEvent.click(within(candidate).getByLabelText("Take these steps as the recipe's new steps"))
  fireEvent.change(within(candidate).getByLabelText('Reason'), { target: { value: 'the same triage, with reading and a postmortem' } })
  fireEvent.click(within(candidate).getByRole('button', { name: 'Merge' }))
  expect(workspace.governance.recipes.get('rc-old')).toMatchObject({ version: 2, steps: ['logs', 'read', 'edit', 'test', 'doc'], mergedFrom: ['logs>read>edit>test>doc'] })
  expect(review(workspace).recipeDecisions).toEqual([expect.objectContaining({ action: 'merge', recipeId: 'rc-old', reason: 'the same triage, with reading and a postmortem' })])
  expect(within(candidate).getByTestId('recipe-decision').textContent).toContain('Merged')
})

test('each voting stage has its own votes: spending them on recipes leaves the decisions votes whole', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 3, 2)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  const [first, second] = screen.getAllByRole('button', { name: /^Vote for / })
  fireEvent.click(first)
  fireEvent.click(second)
  expect(screen.getByTestId('vote-budget').textContent).toBe('You have 0 of 2 votes left at this stage to mark what matters most.')

  fireEvent.click(screen.getByRole('button', { name: /^Next:/ }))
  expect(screen.getByTestId('vote-budget').textContent).toBe('You have 2 of 2 votes left at this stage to mark what matters most.')
  fireEvent.click(screen.getByRole('button', { name: 'Vote for Docs' }))
  expect(screen.getByTestId('vote-budget').textContent).toContain('1 of 2')
  expect(screen.getByTestId('votes-pf-docs').textContent).toBe('1 vote')

  fireEvent.click(screen.getByRole('button', { name: /^Next:/ }))
  expect(within(screen.getByTestId('tally-recipes')).getAllByRole('listitem')).toHaveLength(2)
  expect(within(screen.getByTestId('tally-decisions')).getByRole('listitem').textContent).toBe('Docs — 1 vote')
})

test('stage 5: decisions per portfolio, and votes only within the budget', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 4, 2)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  expect(screen.getByTestId('vote-budget').textContent).toBe('You have 2 of 2 votes left at this stage to mark what matters most.')
  fireEvent.click(screen.getByRole('button', { name: 'Vote for Incident triage' }))
  fireEvent.click(screen.getByRole('button', { name: 'Vote for Docs' }))
  expect(screen.getByTestId('vote-budget').textContent).toContain('0 of 2')
  expect(screen.getByRole('button', { name: 'Vote for Refactor + tests' })).toHaveProperty('disabled', true)
  expect(review(workspace).votes[ME]).toEqual([{ subject: 'pf-triage', stage: 'decisions' }, { subject: 'pf-docs', stage: 'decisions' }])
  fireEvent.click(screen.getByRole('button', { name: 'Take back my vote for Docs' }))
  expect(screen.getByRole('button', { name: 'Vote for Refactor + tests' })).toHaveProperty('disabled', false)

  const [first] = screen.getAllByTestId('portfolio-decision')
  expect(first.textContent).toContain('Docs')
  fireEvent.click(within(first).getByLabelText('Retire'))
  fireEvent.change(within(first).getByLabelText('Why'), { target: { value: 'nothing runs there' } })
  fireEvent.click(within(first).getByRole('button', { name: 'Record decision' }))
  const triageItem = screen.getAllByTestId('portfolio-decision')[1]
  fireEvent.click(within(triageItem).getByLabelText('Grow'))
  fireEvent.change(within(triageItem).getByLabelText("Next quarter's envelope (USD)"), { target: { value: '$1,200' } })
  fireEvent.click(within(triageItem).getByRole('button', { name: 'Record decision' }))
  expect(review(workspace).decisions).toEqual([
    { portfolioId: 'pf-docs', decision: 'retire', nextEnvelope: null, note: 'nothing runs there' },
    { portfolioId: 'pf-triage', decision: 'grow', nextEnvelope: { amount: '1200', currency: 'USD' }, note: '' },
  ])
})

test('the summary exports Markdown through the Bridge, and the facilitator closes the review, which stays readable', async () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 4)
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'decidePortfolio', decision: { portfolioId: 'pf-triage', decision: 'grow', nextEnvelope: { amount: '900', currency: 'USD' }, note: 'MTTR down' } }, ME)
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'vote', subject: 'pf-triage' }, ME)
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'advance' }, ME)
  const saveFile = vi.fn(async () => ({ saved: true }))
  const { rerender } = renderWithWorkspace(<ReviewView params={[]} />, workspace, createFakeBridge({ saveFile }))
  expect(screen.getByTestId('review-summary').textContent).toContain('Incident triage')
  fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Split the web work next time.' } })
  fireEvent.blur(screen.getByLabelText('Notes'))
  // Action items are owned by a team, never a person, and due on a day.
  const newItem = within(screen.getByRole('form', { name: 'New action item' }))
  fireEvent.change(newItem.getByLabelText('Action'), { target: { value: 'Tag the incident runs' } })
  fireEvent.change(newItem.getByLabelText('Owning team'), { target: { value: 'Jane Doe' } })
  fireEvent.change(newItem.getByLabelText('Due'), { target: { value: '2026-11-30' } })
  fireEvent.click(newItem.getByRole('button', { name: 'Add action item' }))
  expect(screen.getByRole('alert').textContent).toContain('an action item is owned by a team')
  fireEvent.change(newItem.getByLabelText('Owning team'), { target: { value: 'SRE team' } })
  fireEvent.click(newItem.getByRole('button', { name: 'Add action item' }))
  expect(screen.getByTestId('action-items').textContent).toContain('Tag the incident runsSRE team2026-11-30')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' })))

  expect(saveFile).toHaveBeenCalledTimes(1)
  const [name, markdown, type] = saveFile.mock.calls[0] as unknown as [string, string, string]
  expect([name, type]).toEqual(['review-2026-Q3.md', 'text/markdown'])
  expect(markdown).toContain('# Quarterly review 2026-Q3')
  expect(markdown).toContain('| Incident triage | grow | $900.00 | MTTR down |')
  expect(markdown).toContain('| Incident triage | 1 |')
  expect(markdown).toContain('- Providers: anthropic')
  expect(markdown).toContain('| run-t2 | $62.00 | Incident triage | logs → read → edit → test → doc |')
  expect(markdown).toContain('Split the web work next time.')
  expect(markdown).toContain('| Tag the incident runs | SRE team | 2026-11-30 |')
  expect(markdown).not.toContain(ME)
  expect(markdown).not.toContain('actor-')

  // Closing asks first, showing next quarter's plan; nothing changes until confirmed.
  fireEvent.click(screen.getByRole('button', { name: 'Close the review…' }))
  expect(screen.getByTestId('review-plan').textContent).toContain('Incident triage: Envelope')
  expect(review(workspace).status).toBe('active')
  fireEvent.click(screen.getByRole('button', { name: 'Close and apply' }))
  expect(review(workspace).status).toBe('closed')
  expect(workspace.governance.portfolios.get('pf-triage')!.envelope.amount).toBe('900')
  expect(window.location.hash).toBe('#/review/rv-q3')
  rerender(<ReviewView params={['rv-q3']} />)
  expect(screen.getByText('Closed — read-only', { exact: false })).toBeTruthy()
  expect(screen.queryByRole('button', { name: 'Close the review…' })).toBeNull()
  expect(screen.getByRole('heading', { name: 'Decisions applied from 2026-Q4' })).toBeTruthy()
  expect(screen.getByTestId('applied-changes').textContent).toContain('Incident triage: envelope (grow)')

  // Its printable report reads the snapshot: a later retroactive rename does not reach it.
  rerender(<ReviewView params={['rv-q3', 'print']} />)
  const printed = screen.getByTestId('review-report').textContent
  expect(printed).toContain('Incident triage')
  act(() => void changePortfolio(workspace.governance, 'pf-triage', { name: 'Renamed later' }, { by: 'p-x', at: '2026-11-01T00:00:00.000Z', effectiveFrom: null }, 'elsewhere'))
  rerender(<ReviewView params={['rv-q3', 'print']} />)
  expect(screen.getByTestId('review-report').textContent).toBe(printed)

  // Undo takes back the close and the envelope together.
  act(() => workspace.undoManager.undo())
  expect(review(workspace).status).toBe('active')
  expect(workspace.governance.portfolios.get('pf-triage')!.envelope.amount).not.toBe('900')
})

test('a split asks for the new portfolios and their rules; a merge for its target', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 4)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  const [docs, triage] = screen.getAllByTestId('portfolio-decision')
  fireEvent.click(within(docs).getByLabelText('Merge'))
  expect((within(docs).getByRole('button', { name: 'Record decision' }) as HTMLButtonElement).disabled).toBe(true)
  fireEvent.change(within(docs).getByLabelText('Merge into'), { target: { value: 'pf-triage' } })
  fireEvent.click(within(docs).getByRole('button', { name: 'Record decision' }))
  const ruleId = workspace.governance.portfolios.get('pf-triage')!.rules[0].id
  fireEvent.click(within(triage).getByLabelText('Split'))
  fireEvent.change(within(triage).getByLabelText('Name of new portfolio 1'), { target: { value: 'Postmortems' } })
  fireEvent.change(within(triage).getByLabelText('Its envelope'), { target: { value: '300' } })
  fireEvent.click(within(within(triage).getByRole('group', { name: 'Rules for new portfolio 1' })).getByLabelText(ruleId))
  fireEvent.click(within(triage).getByRole('button', { name: 'Record decision' }))
  expect(review(workspace).decisions).toEqual([
    expect.objectContaining({ portfolioId: 'pf-docs', decision: 'merge', mergeInto: 'pf-triage' }),
    expect.objectContaining({ portfolioId: 'pf-triage', decision: 'split', splitInto: [{ name: 'Postmortems', ruleIds: [ruleId], amount: '300' }] }),
  ])
})

test('past reviews are listed and open read-only; the printable report has its charts and a Print button', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 5)
  applyReviewAction(workspace.governance, 'rv-q3', { type: 'close', at: '2026-10-05T11:00:00.000Z' }, ME)
  const { rerender } = renderWithWorkspace(<ReviewView params={[]} />, workspace)
  // Q3 is decided: the next review offered is Q4's, and Q3 is not among the choices.
  expect(screen.getByRole('heading', { name: 'No review in progress — start the 2026 Q4 review' })).toBeTruthy()
  expect(screen.queryByRole('option', { name: '2026 Q3' })).toBeNull()
  const [past] = screen.getAllByTestId('past-review')
  expect(past.textContent).toContain('closed')
  expect(within(past).getByRole('link').getAttribute('href')).toBe('#/review/rv-q3')

  rerender(<ReviewView params={['rv-q3', 'print']} />)
  const report = screen.getByTestId('review-report')
  expect(within(report).getByRole('heading', { name: 'Quarterly review 2026 Q3' })).toBeTruthy()
  expect(within(report).getByTestId('spend-chart')).toBeTruthy()
  const print = vi.fn()
  window.print = print
  fireEvent.click(screen.getByRole('button', { name: 'Print' }))
  expect(print).toHaveBeenCalled()
  expect(screen.queryByRole('button', { name: 'Save as PDF' })).toBeNull()
})

test('the facilitator time-boxes a stage; everyone sees the time left until the stage changes', () => {
  const workspace = seeded()
  reviewAt(workspace, ME, 1)
  renderWithWorkspace(<ReviewView params={[]} />, workspace)
  fireEvent.change(screen.getByLabelText('Minutes for this stage'), { target: { value: '15' } })
  fireEvent.click(screen.getByRole('button', { name: 'Time-box this stage' }))
  expect(review(workspace).stageTimer).toMatchObject({ stage: 'scorecards', minutes: 15 })
  expect(screen.getByRole('timer').textContent).toMatch(/left on this stage$/)
  fireEvent.click(screen.getByRole('button', { name: /^Next:/ }))
  expect(review(workspace).stageTimer).toBeNull()
  expect(screen.queryByRole('timer')).toBeNull()
})

test('a closed review shows the outcome notes and recipe candidates it kept, whatever changes afterwards', () => {
  const workspace = seeded()
  const { governance } = workspace
  governance.annotations.text('run-t2').insert(0, 'Found the root cause of the outage')
  governance.annotations.setCategory('run-t2', 'prevented-incident')
  reviewAt(workspace, ME, 3)
  const [candidate] = reviewCandidates(reviewScope(currentAnalysis(workspace), '2026-Q3'))
  expect(decideRecipe(governance, 'rv-q3', { action: 'reject', candidate: { ...candidate, runs: [] }, reason: 'covered by the runbook' }, ME, '2026-10-05T10:00:00.000Z').ok).toBe(true)
  for (let i = 0; i < 2; i++) applyReviewAction(governance, 'rv-q3', { type: 'advance' }, ME)
  const { rerender } = renderWithWorkspace(<ReviewView params={[]} />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'Close the review…' }))
  fireEvent.click(screen.getByRole('button', { name: 'Close and apply' }))
  rerender(<ReviewView params={['rv-q3']} />)

  const notes = () => screen.getByTestId('kept-notes').textContent
  const candidates = () => screen.getByTestId('kept-candidates').textContent
  const shown = [notes(), candidates()]
  expect(shown[0]).toContain('Found the root cause of the outage')
  expect(shown[0]).toContain('Prevented an incident')
  expect(shown[0]).toContain('acme/ops')
  expect(shown[0]).not.toContain('actor-')
  expect(shown[1]).toContain('4 runs (57%)')
  expect(shown[1]).toContain('reject — covered by the runbook')
  rerender(<ReviewView params={['rv-q3', 'print']} />)
  const printed = screen.getByTestId('review-report').textContent
  expect(printed).toContain('Found the root cause of the outage')

  // Later: the note is rewritten, more runs of the workflow are imported, and prices change.
  act(() => {
    governance.annotations.text('run-t2').insert(0, 'Rewritten: ')
    importRecords(workspace, [5, 6, 7].map((i) => makeRun({ id: `run-late${i}`, repo: 'acme/ops', steps: ['logs', 'read', 'edit', 'test', 'doc'], costUSD: '90', start: `2026-09-0${i}T09:00:00.000Z` })), [])
    governance.settings.set('pricingOverrides', { 'claude-sonnet-4': { input: 1 } })
  })
  expect(reviewCandidates(reviewScope(currentAnalysis(workspace), '2026-Q3'))[0].support).toBe(7)
  expect(screen.getByTestId('review-report').textContent).toBe(printed)
  rerender(<ReviewView params={['rv-q3']} />)
  expect([notes(), candidates()]).toEqual(shown)
})
