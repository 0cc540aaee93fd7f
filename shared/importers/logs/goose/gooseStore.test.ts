import { describe, expect, it } from 'vitest'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { sqliteStoreHeader } from '../sessionLogFormat'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { gooseLegacySessionFormat } from './gooseLegacySession'
import { gooseSessionTokens, gooseTime } from './gooseSessionUsage'
import { gooseStoreFormat } from './gooseStore'

const PATH = 'sessions/sessions.db'
const MODEL = JSON.stringify({ model_name: 'claude-sonnet-4-20250514', context_limit: null, toolshim: false })

function rowLines(rows: [string, object][]): string {
  return [sqliteStoreHeader('goose'), ...rows.map(([query, row]) => JSON.stringify({ query, row }))].join('\n')
}

function readStore(text: string): { sessions: AgentSession[]; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  const sessions: AgentSession[] = []
  const reader = gooseStoreFormat.reader(PATH, createStepLabeller(), (issue) => issues.push(issue), (done) => sessions.push(...done))
  const encoder = new TextEncoder()
  text.split('\n').forEach((line, index) => reader.line(encoder.encode(line), index + 1, true))
  reader.finish()
  return { sessions, issues }
}

function request(id: string, name: string, args: object) {
  return { type: 'toolRequest', id, toolCall: { status: 'success', value: { name, arguments: args } } }
}

describe('gooseSessionTokens: a session’s totals as ccusage reads them', () => {
  it('takes the accumulated columns, else the older last-turn ones; a total above input and output is reasoning, counted as output', () => {
    expect(gooseSessionTokens({ accumulated_input_tokens: 100, accumulated_output_tokens: 50, accumulated_total_tokens: 180, input_tokens: 7, output_tokens: 3 })).toEqual({
      input: 100,
      output: 80,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      cacheRead: 0,
      reasoning: 30,
    })
    expect(gooseSessionTokens({ accumulated_input_tokens: null, accumulated_output_tokens: 0, input_tokens: 7, output_tokens: 3 })).toMatchObject({ input: 7, output: 3, reasoning: 0 })
    expect(gooseSessionTokens({ total_tokens: 40 })).toMatchObject({ input: 0, output: 40, reasoning: 40 })
    expect(gooseSessionTokens({ input_tokens: null, output_tokens: null })).toBeNull()
  })

  it('names an implausible count', () => {
    expect(gooseSessionTokens({ accumulated_input_tokens: 1e20 })).toEqual({ implausible: 'implausible token count: accumulated_input_tokens is 100000000000000000000' })
    expect(gooseSessionTokens({ accumulated_output_tokens: '12' })).toEqual({ implausible: 'implausible token count: accumulated_output_tokens is "12"' })
  })
})

it('gooseTime reads SQLite’s CURRENT_TIMESTAMP text as UTC, RFC 3339 with nanoseconds, and epoch seconds or milliseconds', () => {
  expect(gooseTime('2026-03-01 09:15:00')).toBe(Date.UTC(2026, 2, 1, 9, 15))
  expect(gooseTime('2025-01-10T09:30:00.412775913+00:00')).toBe(Date.UTC(2025, 0, 10, 9, 30, 0, 412))
  expect(gooseTime(1772356500)).toBe(1772356500_000)
  expect(gooseTime('1772356500123')).toBe(1772356500123)
  expect([gooseTime(''), gooseTime(null), gooseTime(-5), gooseTime(1e300), gooseTime('yesterday')].every(Number.isNaN)).toBe(true)
})

describe('gooseStoreFormat: one session per row of the store', () => {
  it('claims only its own row stream, and the database by name', () => {
    const encoder = new TextEncoder()
    expect(gooseStoreFormat.claims(PATH, encoder.encode(sqliteStoreHeader('goose')))).toBe(true)
    expect(gooseStoreFormat.claims(PATH, encoder.encode(sqliteStoreHeader('opencode')))).toBe(false)
    expect(gooseStoreFormat.wantsPath('x/sessions/sessions.db')).toBe(true)
    expect(gooseStoreFormat.wantsPath('x/sessions/sessions.db-wal')).toBe(false)
    expect(gooseStoreFormat.sqlite?.matches(['schema_version', 'sessions', 'messages'])).toBe(true)
    expect(gooseStoreFormat.sqlite?.matches(['session', 'message', 'part'])).toBe(false)
  })

  it('reads the folder, provider, model and span of a session, and steps from its tool requests', () => {
    const { sessions, issues } = readStore(
      rowLines([
        ['session', { id: 's1', working_dir: '/home/erin/src/ledger', created_at: '2026-03-01 09:15:00', updated_at: '2026-03-01 09:48:12', accumulated_input_tokens: 100, accumulated_output_tokens: 20, provider_name: 'anthropic', model_config_json: MODEL }],
        ['session', { id: 's2', working_dir: '/tmp', created_at: '2026-03-02 09:00:00', input_tokens: 5, output_tokens: 5, model_config_json: null }],
        ['span', { session_id: 's1', first: 1772356500, last: 1772360000 }],
        [
          'toolCalls',
          {
            session_id: 's1',
            created_timestamp: 1772356700,
            content_json: JSON.stringify([
              { type: 'text', text: 'running the tests' },
              request('t1', 'developer__shell', { command: 'cargo test -p ledger' }),
              request('t2', 'developer__text_editor', { command: 'view', path: 'src/a.rs' }),
              request('t3', 'developer__text_editor', { command: 'str_replace', path: 'src/a.rs' }),
              request('t4', 'github__create_issue', { title: 'x' }),
              request('t5', 'todo__todo_write', { content: 'x' }),
              request('t6', 'dynamic_task__create_task', {}),
              { type: 'toolRequest', id: 't7', toolCall: { status: 'error', error: 'unknown tool' } },
            ]),
          },
        ],
        ['toolCalls', { session_id: 'gone', created_timestamp: 1, content_json: '[]' }],
        ['toolCalls', { session_id: 's2', created_timestamp: 1, content_json: 'not json' }],
      ]),
    )
    expect(issues).toEqual([])
    const [first, second] = sessions
    expect(first).toMatchObject({ tool: 'goose', id: 's1', provider: 'anthropic', cwd: '/home/erin/src/ledger', branch: null, parentId: null })
    expect(first.usage).toEqual([
      { sessionId: 's1', model: 'claude-sonnet-4-20250514', time: Date.UTC(2026, 2, 1, 9, 15), key: 'goose:s1', sessionTotal: true, tokens: { input: 100, output: 20, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 } },
    ])
    expect(Math.max(...first.times.filter(Number.isFinite))).toBe(1772360000_000)
    expect(first.steps.map((step) => [step.label, step.call.tool])).toEqual([
      ['test', 'Bash'],
      ['read', 'Read'],
      ['edit', 'Edit'],
      ['mcp', 'mcp__github__create_issue'],
      ['plan', 'TodoWrite'],
      ['subagent', 'Task'],
    ])
    expect(second).toMatchObject({ provider: 'goose', steps: [] })
    expect(second.usage[0].model).toBe('unknown')
  })

  it('warns about a damaged row line, a row without an id and implausible totals, and reads on', () => {
    const text = rowLines([
      ['session', { id: 's1', created_at: '2026-03-01 09:15:00', accumulated_input_tokens: -1, input_tokens: 2 ** 70 }],
      ['session', { working_dir: '/x' }],
      ['session', { id: 's2', created_at: '2026-03-01 09:15:00', input_tokens: 3 }],
    ])
    const { sessions, issues } = readStore(text + '\n{"query":"session","row":{"id":')
    expect(issues).toEqual([
      { path: PATH, line: 2, message: 'session s1: implausible token count: input_tokens is 1.1805916207174113e+21; its tokens are not counted' },
      { path: PATH, line: 3, message: 'a session row without a session id; skipped' },
      { path: PATH, line: 5, message: 'not a valid JSON record; line skipped' },
    ])
    expect(sessions.map((session) => [session.id, session.usage.length])).toEqual([
      ['s1', 0],
      ['s2', 1],
    ])
  })
})

describe('gooseLegacySessionFormat: Goose’s session files before 1.10', () => {
  const metadata = { working_dir: '/home/erin/src/ledger', description: 'old', schedule_id: null, message_count: 2, total_tokens: 9700, input_tokens: 9000, output_tokens: 700 }
  const lines = [
    JSON.stringify(metadata),
    JSON.stringify({ id: 'm1', role: 'user', created: 1736501400, content: [{ type: 'text', text: 'why does make fail' }] }),
    JSON.stringify({ id: 'm2', role: 'assistant', created: 1736501460, content: [request('t1', 'developer__shell', { command: 'make test' })] }),
  ]

  it('claims a .jsonl whose first line is the session metadata, and nothing else', () => {
    const encoder = new TextEncoder()
    expect(gooseLegacySessionFormat.claims('sessions/20250110_093000.jsonl', encoder.encode(lines[0]))).toBe(true)
    expect(gooseLegacySessionFormat.claims('sessions/20250110_093000.jsonl', encoder.encode(lines[1]))).toBe(false)
    expect(gooseLegacySessionFormat.claims('projects/-p/s.jsonl', encoder.encode('{"type":"user","cwd":"/x"}'))).toBe(false)
  })

  it('reads the session named by its file, with the metadata’s totals, counted once with its copy in sessions.db', async () => {
    const store = rowLines([['session', { id: '20250110_093000', working_dir: '/home/erin/src/ledger', created_at: '2025-01-10T09:30:00.412775913+00:00', accumulated_input_tokens: 9000, accumulated_output_tokens: 700 }]])
    const result = await importAgentLogs(memorySources({ 'sessions/20250110_093000.jsonl': lines.join('\n') + '\n', 'sessions/sessions.db': store }))
    expect(result.warnings).toEqual([])
    expect(result.runs.map((run) => [run.id, run.tool, run.repo, run.tokens.input, run.tokens.output, run.start])).toEqual([['20250110_093000', 'goose', 'ledger', 9000, 700, '2025-01-10T09:30:00.000Z']])
    expect(result.runs[0].steps).toEqual(['test'])
  })
})
