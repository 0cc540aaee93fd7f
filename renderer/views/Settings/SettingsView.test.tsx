import { fireEvent, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderWithWorkspace } from '../../test/renderWithWorkspace'
import { SettingsView } from './SettingsView'

test('settings edits go to the shared workspace document, and bad values are explained, not saved', () => {
  const { workspace } = renderWithWorkspace(<SettingsView />)
  fireEvent.change(screen.getByLabelText('Fiscal year starts in'), { target: { value: '4' } })
  fireEvent.click(screen.getByLabelText(/attribution/))
  fireEvent.change(screen.getByLabelText('High-cost runs are'), { target: { value: 'fixed' } })
  const threshold = screen.getByLabelText('High-cost run threshold (USD)')
  fireEvent.change(threshold, { target: { value: '12.50' } })
  fireEvent.blur(threshold)
  const currency = screen.getByLabelText('Default currency')
  fireEvent.change(currency, { target: { value: 'euro' } })
  fireEvent.blur(currency)

  expect(screen.getByRole('alert').textContent).toMatch(/three-letter/)
  expect(workspace.governance.settings.read().settings).toMatchObject({
    fiscalYearStartMonth: 4,
    attribution: true,
    highCostRule: 'fixed',
    highCostThresholdUSD: '12.50',
    currency: 'USD',
  })
})
