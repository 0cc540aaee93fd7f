import { fireEvent, screen } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { periodContaining, shiftPeriod } from '../../../shared/analysis/periods'
import { createMemoryWorkspace, renderWithWorkspace } from '../../test/renderWithWorkspace'
import { setPeriodChoice } from '../../workspace/periodChoice'
import { seedWorkspace, web } from '../../test/portfolioTestData'
import { PortfoliosView } from './PortfoliosView'

beforeEach(() => {
  setPeriodChoice(null)
  window.location.hash = '#/portfolios'
})

const thisQuarter = periodContaining('quarter', new Date().toISOString(), 1)
const nextQuarter = shiftPeriod(thisQuarter, 1, 1)
const lastQuarter = shiftPeriod(thisQuarter, -1, 1)

test('a definition change is dated from the chosen period and listed in the history', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const view = renderWithWorkspace(<PortfoliosView params={[web.id, 'definition']} />, workspace)
  fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'scaling' } })
  fireEvent.change(screen.getByLabelText('Takes effect'), { target: { value: nextQuarter.key } })
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
  const [change] = workspace.governance.portfolioChanges.list().records
  expect(change).toMatchObject({ portfolioId: web.id, effectiveFrom: nextQuarter.key, before: { status: 'pilot' }, after: { status: 'scaling' } })
  expect(change.by).toMatch(/^p-/)

  view.rerender(<PortfoliosView params={[web.id, 'history']} />)
  const list = screen.getByRole('list', { name: 'Definition history' })
  expect(list.textContent).toContain(`from ${nextQuarter.key}`)
  expect(list.textContent).toContain('Stage')
  expect(list.textContent).toContain('pilot → scaling')
})

test('a past period shows the portfolio as it was defined then', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  const view = renderWithWorkspace(<PortfoliosView params={[web.id, 'definition']} />, workspace)
  fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'retired' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
  expect(workspace.governance.portfolioChanges.list().records[0].effectiveFrom).toBe(thisQuarter.key)

  setPeriodChoice(lastQuarter.key)
  view.rerender(<PortfoliosView params={[web.id, 'budget']} />)
  expect(screen.getByText('pilot', { selector: '.badge' })).toBeTruthy()
  expect(screen.getByRole('note').textContent).toContain(`Shown as defined in ${lastQuarter.key}`)
  setPeriodChoice(thisQuarter.key)
  view.rerender(<PortfoliosView params={[web.id, 'budget']} />)
  expect(screen.getByText('retired', { selector: '.badge' })).toBeTruthy()
})

test('a retroactive change first shows which past periods it rewrites, and saves only when confirmed', () => {
  const workspace = createMemoryWorkspace()
  seedWorkspace(workspace)
  renderWithWorkspace(<PortfoliosView params={[web.id, 'definition']} />, workspace)
  const before = workspace.governance.portfolios.get(web.id)!.envelope.amount
  fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '9999' } })
  fireEvent.change(screen.getByLabelText('Takes effect'), { target: { value: 'retroactive' } })
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
  const preview = screen.getByRole('alertdialog')
  expect(preview.textContent).toContain('2026-Q3')
  expect(preview.textContent).toContain('$9,999.00')
  expect(workspace.governance.portfolios.get(web.id)!.envelope.amount).toBe(before)
  fireEvent.click(screen.getByRole('button', { name: 'Rewrite these periods' }))
  expect(workspace.governance.portfolios.get(web.id)!.envelope.amount).toBe('9999')
  expect(workspace.governance.portfolioChanges.list().records[0].effectiveFrom).toBeNull()
})
