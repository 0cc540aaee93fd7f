import { fireEvent, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { ImportProgress } from './ImportProgress'
import { besideSessionFolders, sessionLogs, type ImportSource } from './sources'

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

test('from a picked ~/.claude folder only the session logs under projects/ are taken', () => {
  const source = (relativePath: string): ImportSource => ({ name: relativePath, relativePath, size: 1, stream: async function* () {} })
  const { logs, ignored } = sessionLogs([source('.claude/history.jsonl'), source('.claude/projects/-home-me-x/a.jsonl'), source('.claude/projects/-home-me-x/a/subagents/b.jsonl')])
  expect(logs.map((s) => s.relativePath)).toEqual(['.claude/projects/-home-me-x/a.jsonl', '.claude/projects/-home-me-x/a/subagents/b.jsonl'])
  expect(ignored.map((s) => s.relativePath)).toEqual(['.claude/history.jsonl'])
  expect(sessionLogs([source('a.jsonl')]).logs).toHaveLength(1)
})

test('from a picked ~/.gemini folder its own state files (projects.json, settings.json) are left out, never taken for exports', () => {
  const source = (relativePath: string): ImportSource => ({ name: relativePath, relativePath, size: 1, stream: async function* () {} })
  const picked = ['.gemini/projects.json', '.gemini/settings.json', '.gemini/tmp/shop/chats/session-a.jsonl', '.gemini/tmp/shop/chats/session-b.json', 'exports/prs.json'].map(source)
  expect([...besideSessionFolders(picked)].map((s) => s.relativePath)).toEqual(['.gemini/projects.json', '.gemini/settings.json'])
  expect(besideSessionFolders([source('prs.json'), source('projects/-p/a.jsonl'), source('x/cost.csv'), source('x/sessions/a.jsonl')]).size).toBe(0)
})

