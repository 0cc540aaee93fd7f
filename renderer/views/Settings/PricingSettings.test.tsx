import { fireEvent, screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { makeRun } from '../../../test/support/analysisFixtures'
import { BUNDLED_PRICES_SOURCE } from '../../../shared/pricing/pricingTable'
import { emptyTokenCounts } from '../../../shared/records/tokenCounts'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { importRecords } from '../../test/portfolioTestData'
import { SettingsView } from './SettingsView'

const unpricedRun = (id: string, model: string, input: number) =>
  makeRun({ id, costUSD: '0', models: [model], unpricedModels: [model], byModel: [{ model, tokens: { ...emptyTokenCounts(), input, output: 10 }, costUSD: '0', priced: false }] })

test('the price table in use is listed and searchable, in exact dollars per million tokens', () => {
  renderWithWorkspace(<SettingsView />)
  expect(screen.getByText(`the bundled offline table (${BUNDLED_PRICES_SOURCE})`, { exact: false })).toBeTruthy()
  const search = screen.getByLabelText('Search prices')
  fireEvent.change(search, { target: { value: 'opus 4-7' } })
  const rows = screen.getAllByTestId('price-row')
  expect(rows.map((row) => row.querySelector('th')!.textContent)).toContain('claude-opus-4-7')
  const opus = rows.find((row) => row.querySelector('th')!.textContent === 'claude-opus-4-7')!
  expect([...opus.querySelectorAll('td.numeric')].map((cell) => cell.textContent)).toEqual(['5', '25', '6.25', '10', '0.5'])
  // Another name of a model finds it too; a price change shows its date.
  fireEvent.change(search, { target: { value: 'claude-4.6-opus' } })
  expect(within(screen.getByRole('table', { name: 'Price table' })).getByText(/price changed 2026-03-13/)).toBeTruthy()
  fireEvent.change(search, { target: { value: 'no such model' } })
  expect(screen.queryByRole('table', { name: 'Price table' })).toBeNull()
  expect(screen.getByText(/^0 of \d+ models/)).toBeTruthy()
})

test('an override shows in the table as the team’s', () => {
  const workspace = createMemoryWorkspace()
  workspace.governance.settings.set('pricingOverrides', { 'gpt-5': { output_cost_per_token: 8e-6 } })
  renderWithWorkspace(<SettingsView />, workspace)
  fireEvent.change(screen.getByLabelText('Search prices'), { target: { value: 'gpt-5' } })
  const row = screen.getAllByTestId('price-row').find((r) => r.querySelector('th')!.textContent === 'gpt-5')!
  expect([...row.querySelectorAll('td.numeric')].map((cell) => cell.textContent)).toEqual(['1.25', '8', '', '', '0.125'])
  expect(row.textContent).toContain('team override')
})

test('models of the imported runs without a price are listed with runs and tokens, and one click starts an override', () => {
  const workspace = createMemoryWorkspace()
  importRecords(workspace, [unpricedRun('a', 'in-house-llm', 1000), unpricedRun('b', 'in-house-llm', 500), unpricedRun('c', 'claude-opus-4-7', 7)], [])
  renderWithWorkspace(<SettingsView />, workspace)
  const list = screen.getByRole('table', { name: 'Models without a price' })
  const inHouse = within(list).getByText('in-house-llm').closest('tr')!
  expect([...inHouse.querySelectorAll('td.numeric')].map((cell) => cell.textContent)).toEqual(['2', '1,500', '20', '0', '0'])
  // Imported while the table lacked it; the bundled table prices it now.
  expect(within(list).getByText('claude-opus-4-7').closest('tr')!.textContent).toContain('priced now as claude-opus-4-7')
  fireEvent.click(within(list).getByRole('button', { name: 'Set a price for in-house-llm' }))
  expect((screen.getByLabelText('Model') as HTMLInputElement).value).toBe('in-house-llm')
  expect(document.activeElement).toBe(screen.getByLabelText('Model'))
})

test('with every model priced, Settings says so', () => {
  const workspace = createMemoryWorkspace()
  importRecords(workspace, [makeRun({ id: 'priced' })], [])
  renderWithWorkspace(<SettingsView />, workspace)
  expect(screen.getByTestId('unpriced-models').textContent).toBe('Every model in the imported runs has a price.')
})

test('a model the table prices can be overridden field by field; an unknown one needs its input price', () => {
  const { workspace } = renderWithWorkspace(<SettingsView />)
  fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'gpt-5-codex' } })
  fireEvent.change(screen.getByLabelText('Output $/M'), { target: { value: '8' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save prices' }))
  expect(workspace.governance.settings.read().settings.pricingOverrides).toEqual({ 'gpt-5-codex': { output_cost_per_token: 8e-6 } })
  fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'in-house-llm' } })
  fireEvent.change(screen.getByLabelText('Output $/M'), { target: { value: '8' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save prices' }))
  expect(screen.getByRole('alert').textContent).toBe('A new model needs at least its input price.')
})
