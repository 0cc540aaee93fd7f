import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { FIXTURES } from '../../../test/support/billingFixtures'
import type { ImportProfile } from '../../records/settings'
import { HeaderIndex } from '../csv/header'
import { csvKindOfHeader, FILE_HEAD_BYTES, fileKindOf, fileKindOfPath, filesByKind, type FileKind } from './fileKind'

const OUTCOMES = join(FIXTURES, '..', 'outcomes')
const head = (path: string) => readFileSync(path).subarray(0, FILE_HEAD_BYTES)
const text = (value: string) => new TextEncoder().encode(value)

describe('fileKindOfPath', () => {
  test('billing CSVs, agent session logs, outcome JSON, and the rest', () => {
    expect(fileKindOfPath('exports/cost.csv')).toBe('billing')
    expect(fileKindOfPath('Usage.TSV')).toBe('billing')
    expect(fileKindOfPath('report.txt')).toBe('billing')
    expect(fileKindOfPath('.claude/projects/-home-me-x/a.jsonl')).toBe('logs')
    expect(fileKindOfPath('C:\\Users\\me\\.codex\\sessions\\2026\\rollout-1.jsonl')).toBe('logs')
    expect(fileKindOfPath('prs.json')).toBe('outcomes')
    expect(fileKindOfPath('notes.md')).toBe('other')
    expect(fileKindOfPath('cost.csv.gz')).toBe('other')
  })
})

describe('fileKindOf', () => {
  test('tells outcome exports from bills by their first bytes', () => {
    expect(fileKindOf('cost.csv', () => head(join(FIXTURES, 'anthropic-cost-2026-08.csv')))).toBe('billing')
    expect(fileKindOf('incidents.csv', () => head(join(OUTCOMES, 'pagerduty-incidents.csv')))).toBe('outcomes')
    expect(fileKindOf('metrics.csv', () => head(join(OUTCOMES, 'outcome-metrics.csv')))).toBe('outcomes')
    expect(fileKindOf('prs.json', () => head(join(OUTCOMES, 'gh-pr-list-billing-service.json')))).toBe('outcomes')
    expect(fileKindOf('package.json', () => text('{"name": "x"}'))).toBe('other')
  })

  test('a .txt is a bill only as Excel\'s "Unicode text" (UTF-16)', () => {
    expect(fileKindOf('cost.txt', () => head(join(FIXTURES, 'anthropic-cost-2025-12-utf16le.txt')))).toBe('billing')
    expect(fileKindOf('todo.txt', () => text('buy milk\n'))).toBe('other')
  })

  test('an incident CSV the team saved a profile for is an outcome export', () => {
    const header = 'Ticket,Opened,Closed,Sev\n'
    expect(fileKindOf('tickets.csv', () => text(header))).toBe('billing')
    const profile: ImportProfile = {
      id: 'p1', name: 'Tickets', target: 'incidents', headerSignature: new HeaderIndex(['Ticket', 'Opened', 'Closed', 'Sev']).signature(),
      mapping: { id: 'Ticket', start: 'Opened', end: 'Closed', severity: 'Sev' }, dateFormat: 'iso', provider: 'helpdesk', defaultCurrency: 'USD', createdAt: '2026-12-01T00:00:00.000Z',
    }
    expect(fileKindOf('tickets.csv', () => text(header), [profile])).toBe('outcomes')
  })

  test('a path that decides alone (a session log, a file of no kind) is never read', () => {
    const unread = () => {
      throw new Error('read')
    }
    expect(fileKindOf('/home/me/.claude/projects/-repo/5a1e0000-0000-4000-8000-000000000001.jsonl', unread)).toBe('logs')
    expect(fileKindOf('notes.md', unread)).toBe('other')
    expect(() => fileKindOf('cost.csv', unread)).toThrow('read')
  })

  test('any bytes give a kind, and only ever narrow what the path says (property)', () => {
    const paths = fc.constantFrom('a.csv', 'a.tsv', 'a.txt', 'a.json', 'a.jsonl', 'a.md', 'dir/b.CSV')
    fc.assert(
      fc.property(paths, fc.uint8Array({ maxLength: 256 }), (path, bytes) => {
        const kind = fileKindOf(path, () => bytes)
        const byPath = fileKindOfPath(path)
        const allowed: Record<FileKind, FileKind[]> = { billing: ['billing', 'outcomes', 'other'], outcomes: ['outcomes', 'other'], logs: ['logs'], other: ['other'] }
        expect(allowed[byPath]).toContain(kind)
      }),
    )
  })
})

describe('csvKindOfHeader', () => {
  test('a header an outcome format knows is an outcome export, any other a bill', () => {
    const headerOf = (path: string) => new TextDecoder().decode(head(path)).split(/\r?\n/)[0].split(',')
    expect(csvKindOfHeader(headerOf(join(OUTCOMES, 'incident-io-incidents.csv')))).toBe('outcomes')
    expect(csvKindOfHeader(headerOf(join(FIXTURES, 'focus-1.2.csv')))).toBe('billing')
    expect(csvKindOfHeader([])).toBe('billing')
  })
})

describe('filesByKind', () => {
  test('leaves out an agent data folder’s own JSON state (projects.json, settings.json), never taking it for an export', () => {
    const file = (relativePath: string) => ({ relativePath })
    const picked = ['.gemini/projects.json', '.gemini/settings.json', '.gemini/tmp/shop/chats/session-a.jsonl', '.gemini/tmp/shop/chats/session-b.json', 'exports/prs.json'].map(file)
    const { logs, outcomes, other } = filesByKind(picked)
    expect(other.map((f) => f.relativePath).sort()).toEqual(['.gemini/projects.json', '.gemini/settings.json'])
    expect(outcomes.map((f) => f.relativePath)).toEqual(['exports/prs.json'])
    expect(logs.map((f) => f.relativePath)).toEqual(['.gemini/tmp/shop/chats/session-a.jsonl', '.gemini/tmp/shop/chats/session-b.json'])
    expect(filesByKind([file('prs.json'), file('projects/-p/a.jsonl')]).outcomes).toHaveLength(1)
  })

  const file = (relativePath: string) => ({ relativePath })

  test('from a picked ~/.claude folder only the session logs under projects/ are taken', () => {
    const { logs, other } = filesByKind([file('.claude/history.jsonl'), file('.claude/projects/-home-me-x/a.jsonl'), file('.claude/projects/-home-me-x/a/subagents/b.jsonl')])
    expect(logs.map((f) => f.relativePath)).toEqual(['.claude/projects/-home-me-x/a.jsonl', '.claude/projects/-home-me-x/a/subagents/b.jsonl'])
    expect(other.map((f) => f.relativePath)).toEqual(['.claude/history.jsonl'])
    expect(filesByKind([file('a.jsonl')]).logs).toHaveLength(1)
  })

  test('sorts files dropped together by kind, keeping their order', () => {
    expect(filesByKind([file('b.csv'), file('prs.json'), file('x.jsonl'), file('notes.md'), file('a.csv')])).toEqual({
      billing: [file('b.csv'), file('a.csv')],
      logs: [file('x.jsonl')],
      outcomes: [file('prs.json')],
      other: [file('notes.md')],
    })
  })
})
