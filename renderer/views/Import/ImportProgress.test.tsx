import { fireEvent, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { ImportProgress } from './ImportProgress'

test('a long import shows how far it got, rows per second, and can be cancelled', () => {
  const onCancel = vi.fn()
  const now = Date.parse('2026-11-29T10:00:10.000Z')
  vi.spyOn(Date, 'now').mockReturnValue(now)
  render(
    <ImportProgress
      label="cur-2026-10.csv"
      progress={{ bytes: 5 * 1024 * 1024, totalBytes: 10 * 1024 * 1024, rows: 50_000, file: 'cur-2026-10.csv' }}
      startedAt={now - 10_000}
      onCancel={onCancel}
    />,
  )
  expect(screen.getByTestId('import-progress').textContent).toMatch(/^50,000 rows · 5,000 rows\/s · 5\.0 MB of 10 MB$/)
  const bar = screen.getByRole('progressbar', { name: 'Reading cur-2026-10.csv' }) as HTMLProgressElement
  expect(bar.value / bar.max).toBeCloseTo(0.5)
  fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }))
  expect(onCancel).toHaveBeenCalled()
  vi.restoreAllMocks()
})
