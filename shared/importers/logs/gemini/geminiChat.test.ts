import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureLogs } from '../../../../test/support/fixtureLogs'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { geminiChatFormat, geminiChatReader } from './geminiChat'

const SESSION = '7e4f0000-0000-4000-8000-0000000000e1'
const PATH = 'tmp/shop/chats/session-2026-05-14T10-02-7e4f0000.jsonl'
const metadata = (extra: object = {}) => JSON.stringify({ sessionId: SESSION, projectHash: 'ab12', startTime: '2026-05-14T10:00:00.000Z', lastUpdated: '2026-05-14T10:00:00.000Z', kind: 'main', ...extra })

function gemini(id: string, fields: object): string {
  return JSON.stringify({ id, timestamp: '2026-05-14T10:01:00.000Z', type: 'gemini', content: '', model: 'gemini-2.5-pro', ...fields })
}

const tokens = (input: number, output: number, cached = 0, thoughts = 0, tool = 0, total = input + output + thoughts + tool) => ({ input, output, cached, thoughts, tool, total })

function read(lines: string[], path = PATH): { session: AgentSession; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  let session: AgentSession | null = null
  const reader = geminiChatReader(path, createStepLabeller(), (issue) => issues.push(issue), (done) => (session = done))
  const encoder = new TextEncoder()
  lines.forEach((line, index) => reader.line(encoder.encode(line), index + 1, true))
  reader.finish()
  return { session: session!, issues }
}

describe('geminiChatReader', () => {
  it('reads a message’s tokens: cached tokens out of the prompt, tool-use prompt as input, thinking as output', () => {
    const { session } = read([metadata(), gemini('g1', { tokens: tokens(12_840, 96, 8210, 412, 35) })])
    expect(session).toMatchObject({ tool: 'gemini-cli', id: SESSION, provider: 'google', parentId: null })
    expect(session.usage).toEqual([
      { sessionId: SESSION, model: 'gemini-2.5-pro', time: Date.UTC(2026, 4, 14, 10, 1), key: `${SESSION}:g1`, tokens: { input: 4665, output: 508, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 8210, reasoning: 412 } },
    ])
  })

  it('leaves the prompt whole when the total does not show the cached tokens inside it', () => {
    const { session } = read([metadata(), gemini('g1', { tokens: { input: 1000, output: 10, cached: 300, total: 1310 } }), gemini('g2', { tokens: { input: 1000, output: 10, cached: 300 } })])
    expect(session.usage.map((record) => record.tokens.input)).toEqual([1000, 1000])
  })

  it('counts a message appended again (with its tokens, then its tool calls) once, as last written', () => {
    const first = { content: 'Let me look.' }
    const { session } = read([
      metadata(),
      gemini('g1', first),
      gemini('g1', { ...first, tokens: tokens(100, 10) }),
      gemini('g1', { ...first, tokens: tokens(100, 10), toolCalls: [{ id: 'run_shell_command-1', name: 'run_shell_command', args: { command: 'pnpm vitest run' }, status: 'success', timestamp: '2026-05-14T10:01:02.000Z' }] }),
    ])
    expect(session.usage).toHaveLength(1)
    expect(session.steps.map((step) => [step.label, step.call])).toEqual([['test', { tool: 'run_shell_command', command: ['pnpm vitest run'], model: 'gemini-2.5-pro' }]])
  })

  it('still counts messages a rewind took out of the conversation (their requests were billed), and reads $set', () => {
    const { session } = read([
      metadata(),
      gemini('g1', { tokens: tokens(100, 10) }),
      JSON.stringify({ $rewindTo: 'g1' }),
      JSON.stringify({ $set: { lastUpdated: '2026-05-14T12:00:00.000Z', messages: [JSON.parse(gemini('g1', { tokens: tokens(100, 10) })), JSON.parse(gemini('g2', { model: 'gemini-2.5-flash', tokens: tokens(50, 5) }))] } }),
    ])
    expect(session.usage.map((record) => [record.model, record.tokens.input])).toEqual([
      ['gemini-2.5-pro', 100],
      ['gemini-2.5-flash', 50],
    ])
    expect(Math.max(...session.times.filter(Number.isFinite))).toBe(Date.UTC(2026, 4, 14, 12))
  })

  it('labels tool calls by Gemini’s own tool names, never keeping their arguments', () => {
    const call = (id: string, name: string, args: object) => ({ id, name, args, status: 'success', timestamp: '2026-05-14T10:01:00.000Z' })
    const { session } = read([
      metadata(),
      gemini('g1', {
        tokens: tokens(1, 1),
        toolCalls: [
          call('a', 'replace', { file_path: '/home/a/shop/src/secret-plan.ts', old_string: 'x', new_string: 'y' }),
          call('b', 'write_file', { file_path: '/home/a/shop/docs/intro.md', content: 'hello' }),
          call('c', 'read_file', { file_path: '/home/a/shop/.env' }),
          call('d', 'grep_search', { pattern: 'password' }),
          call('e', 'google_web_search', { query: 'q' }),
          call('f', 'mcp_github_list_pull_requests', {}),
          call('g', 'run_shell_command', { command: 'git push origin main' }),
          call('h', 'save_memory', { fact: 'x' }),
        ],
      }),
    ])
    expect(session.steps.map((step) => step.label)).toEqual(['edit', 'doc', 'read', 'search', 'web', 'mcp', 'git'])
    expect(JSON.stringify(session.steps)).not.toMatch(/secret|password|intro|\.env/)
  })

  it('records a subagent as a child of the session whose folder holds it, in its first workspace directory', () => {
    const { session } = read([metadata({ sessionId: 'sub-1', kind: 'subagent', directories: ['/home/a/shop'] }), gemini('s1', { tokens: tokens(10, 1) })], `tmp/shop/chats/${SESSION}/sub-1.jsonl`)
    expect(session).toMatchObject({ id: 'sub-1', parentId: SESSION, cwd: '/home/a/shop' })
  })

  it('reads the older whole-JSON session file, written over several lines', () => {
    const document = JSON.stringify({ sessionId: SESSION, projectHash: 'ab12', startTime: '2025-11-20T09:15:02.511Z', lastUpdated: '2025-11-20T09:21:47.003Z', messages: [JSON.parse(gemini('m1', { tokens: tokens(100, 10) })), { id: 'm2', type: 'gemini', tokens: null }] }, null, 2)
    const { session, issues } = read(document.split('\n'), 'tmp/0a1b/chats/session-2025-11-20T09-15-7e4f0000.json')
    expect(issues).toEqual([])
    expect(session.id).toBe(SESSION)
    expect(session.usage.map((record) => record.key)).toEqual([`${SESSION}:m1`])
  })

  it('warns, naming the line, about a cut-off line or implausible counts, and the file about a broken JSON document', () => {
    const { session, issues } = read([metadata(), '{"id":"g9","type":"gem', gemini('g1', { tokens: tokens(1e12, 1) }), gemini('g2', { tokens: tokens(10, 1) })])
    expect(issues).toEqual([
      { path: PATH, line: 2, message: 'not a valid JSON record; line skipped' },
      { path: PATH, line: 3, message: 'implausible token count: input is 1000000000000; message not counted' },
    ])
    expect(session.usage.map((record) => record.key)).toEqual([`${SESSION}:g2`])
    const broken = read(['{', '  "sessionId": "x",'], 'chats/session-x.json')
    expect(broken.issues).toEqual([{ path: 'chats/session-x.json', line: 2, message: 'the JSON ends early (cut short, or still being written); file skipped' }])
  })
})

describe('geminiChatFormat', () => {
  const encoder = new TextEncoder()
  it('claims recordings by their metadata line, and older session files by name; not other agents’ JSONL', () => {
    expect(geminiChatFormat.claims('x.jsonl', encoder.encode(metadata()))).toBe(true)
    expect(geminiChatFormat.claims('tmp/p/chats/session-2025-01-01T00-00-ab.json', encoder.encode('{'))).toBe(true)
    expect(geminiChatFormat.claims('tmp/p/chats/session-2026-01-01T00-00-ab.jsonl', encoder.encode('{"sessionId":"cut off'))).toBe(true)
    expect(geminiChatFormat.claims('projects/-a/s.jsonl', encoder.encode('{"type":"user","sessionId":"s","message":{}}'))).toBe(false)
    expect(geminiChatFormat.wantsPath('tmp/p/logs.json')).toBe(false)
  })

  it('imports a session with its subagent as one run, priced', async () => {
    const result = await importAgentLogs(
      memorySources({
        [PATH]: [metadata(), gemini('g1', { tokens: tokens(1_000_000, 0) })].join('\n'),
        [`tmp/shop/chats/${SESSION}/sub.jsonl`]: [metadata({ sessionId: 'sub', kind: 'subagent' }), gemini('s1', { model: 'gemini-2.5-flash', tokens: tokens(1000, 0) })].join('\n'),
      }),
    )
    expect(result.runs.map((run) => [run.id, run.tool, run.provider, run.models])).toEqual([[SESSION, 'gemini-cli', 'google', ['gemini-2.5-pro', 'gemini-2.5-flash']]])
    expect(Number(result.runs[0].costUSD)).toBeGreaterThan(1)
  })

  it('claims none of the other agents’ fixtures, wherever they were copied', () => {
    for (const path of fixtureLogs(['claude', 'codex', 'qwen-code', 'droid', 'goose', 'copilot'])) {
      const [firstLine] = readFileSync(path, 'utf8').split('\n')
      expect(geminiChatFormat.claims(`Downloads/${basename(path)}`, new TextEncoder().encode(firstLine)), path).toBe(false)
    }
  })
})
