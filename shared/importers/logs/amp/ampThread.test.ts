import { describe, expect, it } from 'vitest'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { ampThreadFormat } from './ampThread'

const ID = 'T-0d6a2f4e-1111-4c3b-8a9d-5e6f7a8b9c0d'
const PATH = `threads/${ID}.json`

function read(text: string, path = PATH): { sessions: AgentSession[]; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  const sessions: AgentSession[] = []
  const reader = ampThreadFormat.reader(path, createStepLabeller(), (issue) => issues.push(issue), (done) => sessions.push(...done))
  const encoder = new TextEncoder()
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim()) reader.line(encoder.encode(line.trim()), index + 1, index < lines.length - 1)
  })
  reader.finish()
  return { sessions, issues }
}

function assistant(messageId: number, usage: object, content: unknown[] = []) {
  return { role: 'assistant', messageId, content, usage: { model: 'claude-sonnet-4-5-20250929', timestamp: `2026-02-12T08:2${messageId}:00.000Z`, ...usage } }
}

describe('ampThreadFormat: which files are Amp threads', () => {
  it('claims T-<uuid>.json by name, and a renamed thread by its id on a one-line file', () => {
    const line = new TextEncoder().encode(`{"v":3,"id":"${ID}","created":1}`)
    expect(ampThreadFormat.wantsPath(PATH)).toBe(true)
    expect(ampThreadFormat.wantsPath('threads/settings.json')).toBe(false)
    expect(ampThreadFormat.claims('export/copy.json', line)).toBe(true)
    expect(ampThreadFormat.claims('export/copy.jsonl', line)).toBe(false)
    expect(ampThreadFormat.claims('tmp/chats/session-1.json', new TextEncoder().encode('{"sessionId":"x"}'))).toBe(false)
  })
})

describe('ampThreadFormat: usage as ccusage reads it', () => {
  it('takes each assistant message’s usage, with its cache tokens; a cancelled turn with no tokens is no request', () => {
    const thread = {
      id: ID,
      created: 1770884400000,
      messages: [
        { role: 'user', messageId: 0, content: [{ type: 'text', text: 'fix it' }], meta: { sentAt: 1770884401000 } },
        assistant(1, { inputTokens: 12, outputTokens: 310, cacheCreationInputTokens: 9800, cacheReadInputTokens: 0 }),
        assistant(2, { inputTokens: 0, outputTokens: 0 }),
        assistant(3, { totalTokens: 345 }),
      ],
    }
    const { sessions, issues } = read(JSON.stringify(thread, null, 2))
    expect(issues).toEqual([])
    expect(sessions[0].usage.map((record) => [record.key, record.tokens.input, record.tokens.output, record.tokens.cacheWrite5m, record.tokens.cacheRead])).toEqual([
      [`amp:${ID}:message:1`, 12, 310, 9800, 0],
      [`amp:${ID}:message:3`, 0, 345, 0, 0],
    ])
    expect(sessions[0]).toMatchObject({ tool: 'amp', id: ID, provider: 'amp', parentId: null })
  })

  it('prefers the usage ledger when the thread has one, with cache tokens from the message an event points to', () => {
    const thread = {
      id: ID,
      messages: [assistant(1, { inputTokens: 99, outputTokens: 99, cacheCreationInputTokens: 5000, cacheReadInputTokens: 1000 })],
      usageLedger: {
        events: [
          { id: 'e1', timestamp: '2025-11-07T08:00:10.000Z', model: 'claude-sonnet-4-20250514', credits: 1, tokens: { input: 20, output: 200 }, toMessageId: 1 },
          { id: 'e2', timestamp: '2025-11-07T08:03:00.000Z', model: 'gpt-5-mini', credits: 0, tokens: { total: 345 } },
          { id: 'e3', timestamp: 'not a time', model: 'gpt-5-mini', tokens: { input: 1 } },
        ],
      },
    }
    const { sessions } = read(JSON.stringify(thread))
    expect(sessions[0].usage.map((record) => [record.key, record.model, record.tokens.input, record.tokens.output, record.tokens.cacheWrite5m, record.tokens.cacheRead])).toEqual([
      [`amp:${ID}:ledger:e1`, 'claude-sonnet-4-20250514', 20, 200, 5000, 1000],
      [`amp:${ID}:ledger:e2`, 'gpt-5-mini', 0, 345, 0, 0],
    ])
  })

  it('warns about an implausible count, naming the message, and counts the rest', () => {
    const thread = { id: ID, messages: [assistant(1, { inputTokens: -5, outputTokens: 1 }), assistant(2, { inputTokens: 1, outputTokens: 1 })] }
    const { sessions, issues } = read(JSON.stringify(thread))
    expect(issues).toEqual([{ path: PATH, line: 0, message: 'message 1: implausible token count: inputTokens is -5; not counted' }])
    expect(sessions[0].usage).toHaveLength(1)
  })

  it('counts a thread found in two folders once', async () => {
    const thread = JSON.stringify({ id: ID, messages: [assistant(1, { inputTokens: 10, outputTokens: 20 })] })
    const result = await importAgentLogs(memorySources({ [`a/threads/${ID}.json`]: thread, [`b/threads/${ID}.json`]: thread }))
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0].tokens).toMatchObject({ input: 10, output: 20 })
  })
})

describe('ampThreadFormat: where and what', () => {
  it('reads the folder, repository and branch of the thread’s first workspace tree, and labels Amp’s tools', () => {
    const thread = {
      id: ID,
      env: { initial: { trees: [{ displayName: 'api', uri: 'file:///Users/carol/src/my%20api', repository: { type: 'git', url: 'git@github.com:acme/billing-api.git', ref: 'refs/heads/fix-rounding' } }] } },
      messages: [
        assistant(1, { inputTokens: 1, outputTokens: 1 }, [
          { type: 'tool_use', id: 't1', name: 'Bash', input: { cmd: 'pnpm vitest run src/a.test.ts' } },
          { type: 'tool_use', id: 't2', name: 'edit_file', input: { path: 'docs/guide.md', old_str: 'a', new_str: 'b' } },
          { type: 'tool_use', id: 't3', name: 'glob', input: { filePattern: '**/*.ts' } },
          { type: 'tool_use', id: 't4', name: 'oracle', input: { task: 'review' } },
          { type: 'text', text: 'done' },
        ]),
      ],
    }
    const { sessions } = read(JSON.stringify(thread))
    expect(sessions[0]).toMatchObject({ cwd: '/Users/carol/src/my api', remoteRepo: 'billing-api', branch: 'fix-rounding' })
    expect(sessions[0].steps.map((step) => [step.label, step.key, step.call])).toEqual([
      ['test', 't1', { tool: 'Bash', command: ['pnpm vitest run'], model: 'claude-sonnet-4-5-20250929' }],
      ['doc', 't2', { tool: 'Edit', pathLabel: 'doc', model: 'claude-sonnet-4-5-20250929' }],
      ['read', 't3', { tool: 'Glob', model: 'claude-sonnet-4-5-20250929' }],
    ])
  })

  it('never keeps prompts, file contents or command arguments', () => {
    const thread = { id: ID, messages: [assistant(1, { inputTokens: 1, outputTokens: 1 }, [{ type: 'tool_use', id: 't1', name: 'Bash', input: { cmd: 'curl -H "Authorization: secret-token" https://x' } }])] }
    expect(JSON.stringify(read(JSON.stringify(thread)).sessions)).not.toMatch(/secret-token|Authorization/)
  })
})

describe('ampThreadFormat: damaged files', () => {
  it('names the line where the JSON breaks, and a file that ends early', () => {
    const lines = JSON.stringify({ id: ID, messages: [assistant(1, { inputTokens: 1, outputTokens: 1 })] }, null, 2).split('\n')
    lines[4] = '"broken": ,'
    expect(read(lines.join('\n')).issues).toEqual([{ path: PATH, line: 5, message: 'not valid JSON; file skipped' }])
    expect(read(lines.slice(0, 3).join('\n')).issues).toEqual([{ path: PATH, line: 3, message: 'the JSON ends early (cut short, or still being written); file skipped' }])
    expect(read('[1, 2]').issues).toEqual([{ path: PATH, line: 1, message: 'not a JSON object; file skipped' }])
  })
})
