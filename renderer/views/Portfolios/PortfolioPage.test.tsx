import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { summarizePortfolio } from '../../../shared/analysis/analyze'
import { parsePeriod } from '../../../shared/analysis/periods'
import { formatMoney } from '../../../shared/money/format'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { currentAnalysis } from '../../workspace/analysis/analysisCache'
import { setPeriodChoice } from '../../workspace/periodChoice'
import { incidents, seedWorkspace, web } from '../../test/portfolioTestData'
import { PortfoliosView } from './PortfoliosView'

beforeEach(() => {
  setPeriodChoice(null)
  window.location.hash = '#/portfolios'
})

function seeded() {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  return workspace
}

test('the rule preview lists what a draft matches, and saving gives exactly that result', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[incidents.id, 'rules']} />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'New rule for runs' }))
  fireEvent.change(screen.getByLabelText('Rule name'), { target: { value: 'api-repos' } })
  fireEvent.change(screen.getByLabelText('Condition 1 values'), { target: { value: 'acme/api, acme/web' } })

  // r2 (acme/api, $10) moves from Web work's "acme/*" to this exact rule; r1 (acme/web) stays with the
  // more specific sequence rule "triage".
  const preview = within(screen.getByTestId('rule-preview'))
  expect(preview.getByTestId('preview-matched-runs').textContent).toBe('2')
  expect(preview.getByTestId('preview-assigned-runs').textContent).toBe('1')
  expect(preview.getByTestId('preview-matched-runs').parentElement!.textContent).toContain('Matches 2 runs, of every import so far. Once saved it takes 1 of them')
  expect(preview.getByTestId('preview-run-cost').textContent).toBe('$10.00')
  expect(preview.getByText(/^1 run stays with rule “triage”/)).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: 'Save rule' }))
  const saved = workspace.governance.portfolios.get(incidents.id)!
  expect(saved.rules.map((r) => r.id)).toEqual(['triage', 'api-repos'])
  const analysis = currentAnalysis(workspace)
  const won = analysis.input.runs.filter((run) => analysis.assignment.runs.get(run.id)!.winner?.rule.id === 'api-repos')
  expect(won.map((r) => r.id)).toEqual(['r2'])
  expect(screen.getAllByTestId('rule-item').map((li) => li.textContent)).toEqual([
    expect.stringContaining('steps logs → edit → test in order'),
    expect.stringContaining('repository is acme/api or acme/web'),
  ])
})

test('a step sequence typed in words and a charge rule preview the same as the analysis', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[web.id, 'rules']} />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'New rule for runs' }))
  fireEvent.change(screen.getByLabelText('Condition 1 field'), { target: { value: 'sequence' } })
  fireEvent.change(screen.getByLabelText('Condition 1 values'), { target: { value: 'logs, then edit, then test' } })
  // The sequence (specificity 4) ties with Incident triage's own sequence rule; the tie-break decides.
  const matched = screen.getByTestId('preview-matched-runs').textContent
  expect(matched).toBe('1')
  const assigned = screen.getByTestId('preview-assigned-runs').textContent
  fireEvent.click(screen.getByRole('button', { name: 'Save rule' }))
  const analysis = currentAnalysis(workspace)
  const won = analysis.input.runs.filter((run) => analysis.assignment.runs.get(run.id)!.winner?.rule.id === 'runs-1' && analysis.assignment.runs.get(run.id)!.portfolioId === web.id)
  expect(String(won.length)).toBe(assigned)

  fireEvent.click(screen.getByRole('button', { name: 'New rule for charges' }))
  expect(screen.getByLabelText('Condition 1 field')).toHaveProperty('value', 'project')
  fireEvent.change(screen.getByLabelText('Condition 1 field'), { target: { value: 'provider' } })
  fireEvent.change(screen.getByLabelText('Condition 1 values'), { target: { value: 'anthropic' } })
  expect(screen.getByTestId('preview-matched-charges').textContent).toBe('1')
  expect(screen.getByTestId('preview-charge-totals').textContent).toBe('$60.00')
})

test('a rule with an empty condition is not saved and says why', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[web.id, 'rules']} />, workspace)
  fireEvent.click(screen.getByRole('button', { name: 'New rule for runs' }))
  fireEvent.change(screen.getByLabelText('Rule name'), { target: { value: 'web-repo' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save rule' }))
  expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([expect.stringContaining('already has a rule'), 'Give at least one value.'])
  expect(workspace.governance.portfolios.get(web.id)!.rules).toHaveLength(1)
})

test('moving envelope is zero-sum, recorded, and undoable', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[incidents.id, 'budget']} />, workspace)
  expect(screen.getByTestId('budget-envelope').textContent).toBe('$100.00')
  expect(screen.getByTestId('burn-up-summary').textContent).toContain('Spent $40.00 of $100.00 (40% of the envelope) by 2026-09-30')
  fireEvent.change(screen.getByLabelText('Other portfolio'), { target: { value: web.id } })
  fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'take' } })
  fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '16' } })
  fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'x' } })
  fireEvent.click(screen.getByRole('button', { name: 'Move envelope' }))
  expect(screen.getByRole('alert').textContent).toBe('“Web work” has $15.00 in its 2026-Q3 envelope: move at most that.')
  expect(workspace.governance.envelopeMoves.list().records).toEqual([])
  fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'give' } })
  fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '5' } })
  fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Web work runs hotter this quarter' } })
  fireEvent.click(screen.getByRole('button', { name: 'Move envelope' }))

  const [move] = workspace.governance.envelopeMoves.list().records
  expect(move).toMatchObject({ period: '2026-Q3', fromPortfolio: incidents.id, toPortfolio: web.id, amount: '5', currency: 'USD', reason: 'Web work runs hotter this quarter' })
  expect(screen.getByTestId('budget-envelope').textContent).toBe('$95.00')
  const analysis = currentAnalysis(workspace)
  const q3 = parsePeriod('2026-Q3', 1)
  const envelopes = [incidents, web].map((p) => summarizePortfolio(analysis, p, q3).budget.envelope)
  expect(envelopes).toEqual(['95', '20'])
  expect(within(screen.getByTestId('envelope-moves')).getByText('Web work runs hotter this quarter')).toBeTruthy()

  act(() => workspace.undoManager.undo())
  expect(workspace.governance.envelopeMoves.list().records).toEqual([])
  expect(screen.getByTestId('budget-envelope').textContent).toBe(formatMoney('100', 'USD'))
})

test('the definition keeps rules and stores the expected high-cost threshold', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[incidents.id, 'definition']} />, workspace)
  fireEvent.change(screen.getByLabelText('Expected high-cost runs above (USD)'), { target: { value: '25' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
  const saved = workspace.governance.portfolios.get(incidents.id)!
  expect(saved.expectedHighCostUSD).toBe('25')
  expect(saved.rules).toEqual(incidents.rules)
})

test('runs, charges and metrics of the portfolio show its period, counts only', () => {
  const workspace = seeded()
  const { rerender } = renderWithWorkspace(<PortfoliosView params={[incidents.id, 'records']} />, workspace)
  expect(within(screen.getByTestId('portfolio-runs')).getAllByRole('row')).toHaveLength(2)
  expect(within(screen.getByTestId('portfolio-charges')).getByText('allocated share')).toBeTruthy()
  rerender(<PortfoliosView params={[incidents.id, 'metrics']} />)
  expect(screen.getByTestId('metric-runs').textContent).toBe('1')
  expect(screen.getByTestId('metric-contributors').textContent).toBe('1')
  expect(screen.queryByText('a1')).toBeNull()
})

test('an open definition form shows a teammate’s save as it arrives, and keeps what this person typed', () => {
  const workspace = seeded()
  renderWithWorkspace(<PortfoliosView params={[incidents.id, 'definition']} />, workspace)
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Incident triage + postmortem' } })
  // The teammate's save reaches this workspace (as a sync update would).
  act(() => workspace.governance.portfolios.update(incidents.id, { description: 'Logs to fix to postmortem', owningTeam: 'Platform team', name: 'Incidents' }, 'sync'))
  expect((screen.getByLabelText('Description') as HTMLTextAreaElement).value).toBe('Logs to fix to postmortem')
  expect((screen.getByLabelText('Owning team') as HTMLInputElement).value).toBe('Platform team')
  expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Incident triage + postmortem')
  expect(screen.getByTestId('form-incoming').textContent).toBe(
    'A teammate saved this portfolio: updated description, owning team; also changed name (your edit is kept and saved over theirs).',
  )
  // Saving writes this person's change only: the teammate's description stays.
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
  expect(workspace.governance.portfolios.get(incidents.id)).toMatchObject({ name: 'Incident triage + postmortem', description: 'Logs to fix to postmortem', owningTeam: 'Platform team' })
})

test('the budget of a closed quarter shows its spend, not a forecast that repeats it', () => {
  const workspace = seeded()
  setPeriodChoice('2026-Q2')
  renderWithWorkspace(<PortfoliosView params={[incidents.id, 'budget']} />, workspace)
  expect(screen.queryByTestId('budget-forecast')).toBeNull()
  expect(screen.getByTestId('burn-up-summary').textContent).toMatch(/2026-Q2 is over\.$/)
})
