import { act, fireEvent, screen, within } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { makePortfolio, rule } from '../../../test/support/analysisFixtures'
import { readAnalysisInput } from '../../../shared/analysis/workspaceInput'
import { addDecimal, formatDecimal, parseDecimal, ZERO } from '../../../shared/money/decimal'
import { formatMoney } from '../../../shared/money/format'
import { formatCount } from '../../../shared/text/plural'
import { buildPortfolioReport } from '../../../shared/reports/portfolioReport'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { OverviewView } from './OverviewView'
import { setPeriodChoice } from '../../workspace/periodChoice'
import { makeRun } from '../../../test/support/analysisFixtures'
import { emptyTokenCounts } from '../../../shared/records/tokenCounts'
import { charges, importRecords, runs, seedWorkspace } from '../../test/portfolioTestData'

beforeEach(() => setPeriodChoice(null))

function card(name: string) {
  return screen.getAllByTestId('portfolio-card').find((c) => c.querySelector('h2')?.textContent === name)!
}

test('without portfolios or data the empty state and its Import link stay', () => {
  renderWithWorkspace(<OverviewView />)
  expect(screen.getByText('Spend by workflow portfolio')).toBeTruthy()
  expect(screen.getByRole('link', { name: 'Import data' }).getAttribute('href')).toBe('#/import')
  expect(screen.queryByTestId('portfolio-card')).toBeNull()
})

test('cards show the same spend, envelope, forecast and counts as the CLI report', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<OverviewView />, workspace)

  const report = buildPortfolioReport(readAnalysisInput(workspace.governance, workspace.ledger, new Date().toISOString().slice(0, 10)))
  expect(report.period).toBe('2026-Q3')
  expect(screen.getByRole('combobox', { name: 'Period' })).toBeTruthy()
  for (const row of report.portfolios) {
    const c = within(card(row.name))
    expect(c.getByTestId('card-spend').textContent).toBe(formatMoney(row.spend.USD, 'USD'))
    expect(c.getByTestId('card-envelope').textContent).toBe(formatMoney(row.envelope.USD, 'USD'))
    // A past quarter has no forecast to show: it would only repeat the spend.
    if (row.forecastMethod === 'closed') expect(c.queryByTestId('card-forecast')).toBeNull()
    else expect(c.getByTestId('card-forecast').textContent).toBe(formatMoney(row.forecast.USD, 'USD'))
    expect(c.getByTestId('card-runs').textContent).toBe(formatCount(row.runs))
    expect(c.getByTestId('card-charges').textContent).toBe(formatCount(row.charges))
  }
  // Counts read as words: the noun singular at 1 only.
  expect(card('Incident triage').querySelector('.card-counts')!.textContent).toBe('1 run · 1 charge')
  expect(card('Web work').querySelector('.card-counts')!.textContent).toBe('1 run · 1 charge')
  // Hand-computed: $60 split 30 : 10 : 5.
  expect(within(card('Incident triage')).getByTestId('card-spend').textContent).toBe('$40.00')
  expect(within(card('Web work')).getByTestId('card-spend').textContent).toBe('$13.33')
  expect(screen.getByTestId('unassigned-spend').textContent).toBe('$6.67')
  // The headline: all of it, split into portfolios and unassigned, against the envelopes.
  expect(screen.getByTestId('headline-total').textContent).toBe('$60.00')
  expect(screen.getByTestId('headline-portfolios').textContent).toBe('$53.33')
  expect(screen.getByTestId('headline-unassigned').textContent).toBe('$6.67')
  const envelopes = report.portfolios.reduce((sum, p) => addDecimal(sum, parseDecimal(p.envelope.USD)), ZERO)
  expect(screen.getByTestId('headline-envelopes').textContent).toBe(formatMoney(formatDecimal(envelopes), 'USD'))
  expect(screen.getByTestId('unassigned-runs').textContent).toBe('1')
  expect(screen.getByTestId('unassigned').querySelector('p')!.textContent).toBe('$6.67 from 1 run and 1 charge that no rule matched in 2026-Q3.')
  expect(screen.getByTestId('unassigned-groups').textContent).toBe('globex/app · 1 run · $5.00 estimated')

  const [row] = screen.getAllByTestId('reconciliation-row')
  expect(within(row).getByTestId('rec-billed').textContent).toBe('$60.00')
  expect(within(row).getByTestId('rec-estimated').textContent).toBe('$45.00')
  expect(within(row).getByTestId('rec-gap').textContent).toBe('$15.00')
  expect(screen.getByTestId('allocation-notes').textContent).toContain('in proportion to the log-estimated cost')
  expect(screen.getByTestId('allocation-notes').textContent).toContain('1 anthropic charge of 2026-07 ($60.00) has no workflow dimension: split')
  expect(screen.getByTestId('allocation-notes').textContent).toContain('1 charge carries no workflow dimension, so it was allocated per provider and month')
})

test('crossing 80% is shown, never blocks, and each lint explains itself with a fix', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<OverviewView />, workspace)
  const webCard = within(card('Web work'))
  const badge = webCard.getByTestId('budget-badge')
  expect(badge.textContent).toContain('80% of envelope')
  expect(badge.textContent).toContain('Nothing is blocked')
  expect(badge.textContent).toContain('next review')
  const lint = webCard.getByTestId('lint-no-outcome-tag')
  expect(lint.querySelector('summary')!.textContent).toBe('No outcome tag')
  expect(lint.textContent).toContain('Suggested fix:')
})

test('picking another period recomputes the cards', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<OverviewView />, workspace)
  fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: '2026-Q4' } })
  expect(within(card('Incident triage')).getByTestId('card-spend').textContent).toBe('$0.00')
  act(() => setPeriodChoice('2026-07'))
  expect(within(card('Incident triage')).getByTestId('card-spend').textContent).toBe('$40.00')
})

test('with data but no portfolios everything is Unassigned, with a way to create one', () => {
  const workspace = createMemoryWorkspace()
  importRecords(workspace, runs, charges)
  renderWithWorkspace(<OverviewView />, workspace)
  expect(screen.queryByText('Spend by workflow portfolio')).toBeNull()
  expect(screen.getByRole('note').textContent).toContain('No portfolios yet')
  expect(screen.getByRole('link', { name: 'Create a portfolio' }).getAttribute('href')).toBe('#/portfolios/new')
  expect(screen.getByTestId('unassigned-spend').textContent).toBe('$60.00')
  expect(screen.getByTestId('unassigned-runs').textContent).toBe('3')
  expect(screen.getByTestId('unassigned').querySelector('p')!.textContent).toBe('$60.00 from 3 runs and 1 charge that no rule matched in 2026-Q3.')
})

test('says how many runs on how many models have no price, and links to Runs and Settings', () => {
  const workspace = createMemoryWorkspace()
  const tokens = { ...emptyTokenCounts(), input: 900, output: 90 }
  const unpriced = (id: string, model: string) =>
    makeRun({ id, start: '2026-07-10T09:00:00.000Z', costUSD: '0', models: [model], unpricedModels: [model], byModel: [{ model, tokens, costUSD: '0', priced: false }] })
  importRecords(workspace, [...runs, unpriced('u1', 'in-house-llm'), unpriced('u2', 'in-house-llm'), unpriced('u3', 'gemini-9-ultra')], charges)
  renderWithWorkspace(<OverviewView />, workspace)
  const notice = screen.getByTestId('unpriced-notice')
  expect(notice.textContent).toContain('3 runs on 2 models have no price (in-house-llm, gemini-9-ultra)')
  expect(within(notice).getByRole('link', { name: 'See them in Runs' }).getAttribute('href')).toBe('#/runs')
  expect(within(notice).getByRole('link', { name: 'add prices in Settings' }).getAttribute('href')).toBe('#/settings')
})

test('says nothing about prices when every run is priced', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<OverviewView />, workspace)
  expect(screen.queryByTestId('unpriced-notice')).toBeNull()
})

test('spend caught by an "outside portfolios" bucket is shown apart, not as a portfolio card', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  workspace.governance.portfolios.put(makePortfolio({ id: 'support', name: 'Support bot', outside: true, rules: [rule('bot', 'charges', [{ field: 'provider', values: ['anthropic'] }])] }))
  renderWithWorkspace(<OverviewView />, workspace)
  const outside = screen.getByRole('region', { name: 'Outside portfolios' })
  expect(outside.textContent).toContain('Support bot')
  expect(screen.queryByRole('heading', { name: 'Support bot' })).toBeNull()
})
