import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { IssueList } from './IssueList'

test('lists the bad lines given and counts the rest in words', () => {
  const { rerender } = render(<IssueList file="cur.csv" issues={[{ line: 2, message: 'not a date' }]} total={2} label="Bad lines" />)
  expect(screen.getByRole('list', { name: 'Bad lines' }).textContent).toContain('cur.csv:2')
  expect(screen.getByText(/more bad line/).textContent).toBe('…and 1 more bad line not listed.')
  rerender(<IssueList file="cur.csv" issues={[{ line: 2, message: 'not a date' }]} total={12_001} label="Bad lines" />)
  expect(screen.getByText(/more bad line/).textContent).toMatch(/^…and 12.000 more bad lines not listed\.$/)
})
