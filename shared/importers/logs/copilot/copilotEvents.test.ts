import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureLogs } from '../../../../test/support/fixtureLogs'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { copilotEventsFormat, copilotEventsReader } from './copilotEvents'

const SESSION = '7c1e0000-0000-4000-8000-0000000000c1'
const PATH = `session-state/${SESSION}/events.jsonl`
let eventNumber = 0

function event(type: string, data: object, timestamp: string, id = `e-${++eventNumber}`): string {
  return JSON.stringify({ type, data, id, timestamp, parentId: null })
}

const start = (context: object = { cwd: '/home/dana/src/api', repository: 'acme/api', branch: 'main' }) =>
  event('session.start', { sessionId: SESSION, version: 1, producer: 'copilot-agent', copilotVersion: '0.0.354', startTime: '2026-05-01T10:00:00.000Z', selectedModel: 'claude-sonnet-4.5', context }, '2026-05-01T10:00:00.000Z')

function shutdown(timestamp: string, modelMetrics: object, id?: string): string {
  return event('session.shutdown', { shutdownType: 'routine', totalApiDurationMs: 1, sessionStartTime: 0, codeChanges: { linesAdded: 0, linesRemoved: 0, filesModified: [] }, modelMetrics }, timestamp, id)
}

const usage = (inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0, reasoningTokens?: number) => ({
  requests: { count: 1, cost: 1 },
  usage: { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, ...(reasoningTokens === undefined ? {} : { reasoningTokens }) },
})

function read(lines: string[], path = PATH): { session: AgentSession; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  let session: AgentSession | null = null
  const reader = copilotEventsReader(path, createStepLabeller(), (issue) => issues.push(issue), (done) => (session = done))
  const encoder = new TextEncoder()
  lines.forEach((line, index) => reader.line(encoder.encode(line), index + 1, true))
  reader.finish()
  return { session: session!, issues }
}

describe('copilotEventsReader', () => {
  it('takes the session, its folder, repository and branch from session.start', () => {
    const { session } = read([start(), shutdown('2026-05-01T10:05:00.000Z', { 'claude-sonnet-4.5': usage(100, 10) })])
    expect(session).toMatchObject({ tool: 'copilot-cli', id: SESSION, provider: 'github-copilot', cwd: '/home/dana/src/api', remoteRepo: 'api', branch: 'main', parentId: null })
  })

  it('separates cached tokens from input, and counts Gemini thinking as output', () => {
    const { session } = read([
      start(),
      shutdown('2026-05-01T10:05:00.000Z', { 'claude-sonnet-4.5': usage(10_000, 500, 3000, 2000, 120), 'gemini-2.5-pro': usage(1000, 50, 200, 0, 70) }),
    ])
    expect(session.usage.map((record) => [record.model, record.tokens])).toEqual([
      ['claude-sonnet-4.5', { input: 5000, output: 500, cacheWrite5m: 2000, cacheWrite1h: 0, cacheRead: 3000, reasoning: 120 }],
      ['gemini-2.5-pro', { input: 800, output: 120, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 200, reasoning: 70 }],
    ])
  })

  it('adds up the shutdowns of a resumed session (one per process) and counts a repeated shutdown line once', () => {
    const first = shutdown('2026-05-01T10:05:00.000Z', { 'claude-sonnet-4.5': usage(1000, 100) }, 'shutdown-1')
    const { session } = read([
      start(),
      first,
      first,
      event('session.resume', { resumeTime: '2026-05-02T08:00:00.000Z', eventCount: 3 }, '2026-05-02T08:00:00.000Z'),
      shutdown('2026-05-02T08:10:00.000Z', { 'claude-sonnet-4.5': usage(400, 40) }),
    ])
    expect(session.usage.map((record) => record.tokens.input)).toEqual([1000, 400])
    expect(new Set(session.usage.map((record) => record.key)).size).toBe(2)
    expect(session.usage.every((record) => record.sessionId === SESSION)).toBe(true)
  })

  it('spreads the totals of a process over the requests it counts, so each usage record is one request', () => {
    const metric = { requests: { count: 4, cost: 4 }, usage: { inputTokens: 1003, outputTokens: 8, cacheReadTokens: 0, cacheWriteTokens: 0 } }
    const { session } = read([start(), shutdown('2026-05-01T10:05:00.000Z', { 'claude-sonnet-4.5': metric })])
    expect(session.usage.map((record) => [record.tokens.input, record.tokens.output])).toEqual([
      [253, 2],
      [250, 2],
      [250, 2],
      [250, 2],
    ])
  })

  it('skips models a process never called', () => {
    const { session } = read([start(), shutdown('2026-05-01T10:05:00.000Z', { 'claude-haiku-4.5': { requests: { count: 0, cost: 0 }, usage: usage(0, 0).usage }, 'gpt-5-mini': usage(5, 5) })])
    expect(session.usage.map((record) => record.model)).toEqual(['gpt-5-mini'])
  })

  it('labels steps from tool calls, subagents included, keeping the command words and never the arguments', () => {
    const tool = (toolCallId: string, toolName: string, args: object, extra: object = {}) => event('tool.execution_start', { toolCallId, toolName, arguments: args, ...extra }, '2026-05-01T10:01:00.000Z')
    const { session } = read([
      start(),
      tool('t1', 'task', { description: 'find it', prompt: 'secret prompt', agent_type: 'explore' }),
      tool('t2', 'grep', { pattern: 'password' }, { parentToolCallId: 't1' }),
      tool('t3', 'bash', { command: 'pnpm vitest run src/a.test.ts', description: 'Run tests' }),
      tool('t3', 'bash', { command: 'pnpm vitest run src/a.test.ts', description: 'Run tests' }),
      tool('t4', 'edit', { path: '/home/dana/src/api/docs/setup.md', old_str: 'a', new_str: 'b' }),
      tool('t5', 'str_replace_editor', { command: 'view', path: '/home/dana/src/api/a.ts' }),
      tool('t6', 'list_issues', { owner: 'acme' }, { mcpServerName: 'github', mcpToolName: 'list_issues' }),
      tool('t7', 'report_intent', { intent: 'Fixing' }),
    ])
    expect(session.steps.map((step) => step.label)).toEqual(['subagent', 'search', 'test', 'test', 'doc', 'read', 'mcp'])
    expect(session.steps[2].call).toEqual({ tool: 'bash', command: ['pnpm vitest run'], model: 'claude-sonnet-4.5' })
    expect(JSON.stringify(session.steps)).not.toMatch(/secret|password|setup\.md|a\.test/)
  })

  it('warns about implausible counts and unreadable lines, naming the line', () => {
    const { session, issues } = read([start(), '{"type":"session.shutdown","data":{"mod', shutdown('2026-05-01T10:05:00.000Z', { 'gpt-5': usage(-5, 1), 'gpt-5-mini': usage(10, 1) })])
    expect(issues).toEqual([
      { path: PATH, line: 2, message: 'not a valid JSON record; line skipped' },
      { path: PATH, line: 3, message: 'implausible token count: inputTokens is -5 for model gpt-5; not counted' },
    ])
    expect(session.usage.map((record) => record.model)).toEqual(['gpt-5-mini'])
  })

  it('names the session after its folder, or the flat file of early versions, when no session.start says', () => {
    const lines = [shutdown('2026-05-01T10:05:00.000Z', { 'gpt-5': usage(10, 1) })]
    expect(read(lines).session.id).toBe(SESSION)
    expect(read(lines, `session-state/${SESSION}.jsonl`).session.id).toBe(SESSION)
  })
})

describe('copilotEventsFormat', () => {
  const encoder = new TextEncoder()
  it('claims the files of a session-state folder, and Copilot event lines wherever they are', () => {
    expect(copilotEventsFormat.claims(PATH, encoder.encode('not json'))).toBe(true)
    expect(copilotEventsFormat.claims('copied/x.jsonl', encoder.encode(start()))).toBe(true)
    expect(copilotEventsFormat.claims('projects/-a/s.jsonl', encoder.encode('{"type":"user","uuid":"u","sessionId":"s","message":{}}'))).toBe(false)
  })

  it('imports the session as a run of its own, its requests priced one by one (ten of 100k input are not long-context)', async () => {
    const metric = { requests: { count: 10, cost: 10 }, usage: { inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } }
    const text = [start(), shutdown('2026-05-01T10:05:00.000Z', { 'claude-sonnet-4.5': metric })].join('\n')
    const result = await importAgentLogs(memorySources({ [PATH]: text }))
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0]).toMatchObject({ id: SESSION, tool: 'copilot-cli', provider: 'github-copilot', repo: 'api', requests: 10 })
    expect(Number(result.runs[0].costUSD)).toBeCloseTo(3, 6)
  })

  it('claims none of the other agents’ fixtures, wherever they were copied', () => {
    for (const path of fixtureLogs(['claude', 'codex', 'qwen-code', 'droid', 'goose', 'gemini'])) {
      const [firstLine] = readFileSync(path, 'utf8').split('\n')
      expect(copilotEventsFormat.claims(`Downloads/${basename(path)}`, new TextEncoder().encode(firstLine)), path).toBe(false)
    }
  })
})
