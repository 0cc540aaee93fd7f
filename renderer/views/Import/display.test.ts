import { expect, test } from 'vitest'
import { batchName } from './display'

test('a batch of many files is named after its folder, what it holds and its months, not "249 files"', () => {
  const logs = { format: 'agent-logs', from: '2026-02-10T11:00:00.000Z', to: '2026-04-01T02:00:00.000Z' }
  const fileNames = ['logs/claude/projects/a/1.jsonl', 'logs/claude/projects/b/2.jsonl', 'logs/codex/sessions/2026/02/12/r.jsonl']
  expect(batchName({ ...logs, fileNames }, [])).toBe('logs/ · Agent session logs · Feb – Apr 2026 · 3 files')
  expect(batchName({ ...logs, fileNames: fileNames.slice(0, 2) }, [])).toBe('logs/claude/projects/ · Agent session logs · Feb – Apr 2026 · 2 files')
  expect(batchName({ format: 'anthropic-console-cost', from: '2025-12-01T00:00:00.000Z', to: '2026-01-05T00:00:00.000Z', fileNames: ['a.csv', 'b.csv'] }, [])).toMatch(/^Anthropic .* · Dec 2025 – Jan 2026 · 2 files$/)
  expect(batchName({ ...logs, from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', fileNames: ['x/1.jsonl', 'y/2.jsonl'] }, [])).toBe('Agent session logs · Mar 2026 · 2 files')
  expect(batchName({ ...logs, fileNames: ['anthropic-cost-2026-03.csv'] }, [])).toBe('anthropic-cost-2026-03.csv')
})
