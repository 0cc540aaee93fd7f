import { readFileSync } from 'node:fs'
import { fixtureLogs } from '../../../../test/support/fixtureLogs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { readAgentLogFile } from '../readAgentLogFile'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { qwenChatFormat, qwenChatReader } from './qwenChat'

const CHATS = join(__dirname, '../../../../test/fixtures/logs/qwen-code/projects')
const S1 = '6f1c0000-0000-4000-8000-000000000001'
const S2 = '6f1c0000-0000-4000-8000-000000000002'
const S3 = '6f1c0000-0000-4000-8000-000000000003'
const S4 = '6f1c0000-0000-4000-8000-000000000004'
const fixture = (project: string, id: string) => readFileSync(join(CHATS, project, 'chats', `${id}.jsonl`), 'utf8')

function read(text: string, path = `projects/-p/chats/${S1}.jsonl`): { sessions: AgentSession[]; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  let sessions: AgentSession[] = []
  const reader = qwenChatReader(path, createStepLabeller(), (issue) => issues.push(issue), (done) => (sessions = done))
  const encoder = new TextEncoder()
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((line, index) => reader.line(encoder.encode(line), index + 1, true))
  reader.finish()
  return { sessions, issues }
}

const finite = (times: number[]) => times.filter(Number.isFinite)
const sum = (session: AgentSession, kind: 'input' | 'output' | 'cacheRead' | 'reasoning') => session.usage.reduce((total, record) => total + record.tokens[kind], 0)

/** One assistant record as Qwen Code writes it, with its `usageMetadata`. */
function assistant(uuid: string, usageMetadata: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ uuid, parentUuid: null, sessionId: S1, timestamp: '2026-11-03T09:00:00.000Z', type: 'assistant', cwd: '/r', version: '0.9.1', model: 'qwen3-coder-plus', message: { role: 'model', parts: [] }, usageMetadata, ...extra })
}

describe('Qwen Code chats', () => {
  it('reads a session: uncached input, cache reads, thoughts within output, steps, repo folder, branch, provider', () => {
    const { sessions, issues } = read(fixture('-home-dana-src-billing-api', S1))
    expect(sessions).toHaveLength(1)
    const [session] = sessions
    expect(session).toMatchObject({ tool: 'qwen-code', id: S1, cwd: '/home/dana/src/billing-api', branch: 'fix/rounding', provider: 'alibaba', parentId: null })
    // Prompt counts include their cached part: 12000/8000, 12800/12000, 3000/0, 13500/12800, 2000/0.
    expect(sum(session, 'input')).toBe(4000 + 800 + 3000 + 700 + 2000)
    expect(sum(session, 'cacheRead')).toBe(8000 + 12000 + 12800)
    // Candidates plus thoughts, and the record with only a total (321) as output.
    expect(sum(session, 'output')).toBe(300 + 120 + 250 + 90 + 60 + 321 + 40)
    expect(sum(session, 'reasoning')).toBe(120)
    // The record written twice counts once; the telemetry record repeating its usage not at all.
    expect(session.usage.map((record) => record.key)).toHaveLength(new Set(session.usage.map((record) => record.key)).size)
    expect(session.usage).toHaveLength(6)
    expect(session.usage.map((record) => record.model)).toEqual(['qwen3-coder-plus', 'qwen3-coder-plus', 'qwen3-coder-flash', 'qwen3-coder-plus', 'unknown', 'qwen3.5-max-preview'])
    expect(session.steps.map((step) => step.label)).toEqual(['test', 'edit', 'search', 'git', 'doc'])
    expect(session.steps[0].call).toEqual({ tool: 'run_shell_command', command: ['pnpm vitest run'], model: 'qwen3-coder-plus' })
    expect(Math.min(...finite(session.times))).toBe(Date.parse('2026-11-03T09:00:00.000Z'))
    expect(Math.max(...finite(session.times))).toBe(Date.parse('2026-11-04T08:15:20.000Z'))
    expect(issues).toEqual([{ path: `projects/-p/chats/${S1}.jsonl`, line: 8, message: 'not a valid JSON record; line skipped' }])
  })

  it('counts a /branch copy’s records in the session they were copied from only', () => {
    const { sessions } = read(fixture('-home-dana-src-web', S3), `projects/-w/chats/${S3}.jsonl`)
    expect(sessions[0].usage.map((record) => record.tokens.input)).toEqual([5100])
    expect(sessions[0].steps.map((step) => step.label)).toEqual(['test'])
    expect(sessions[0]).toMatchObject({ branch: 'try/other-flag', parentId: null, provider: 'openai' })
    expect(Math.min(...finite(sessions[0].times))).toBe(Date.parse('2026-11-05T15:30:00.000Z'))
  })

  it('links a sub-session to the session that spawned it, and names the provider from its model', () => {
    const { sessions } = read(fixture('-home-dana-src-web', S4), `projects/-w/chats/${S4}.jsonl`)
    expect(sessions[0]).toMatchObject({ id: S4, parentId: S2, provider: 'openai' })
  })

  it('names the provider from the session’s model binding', () => {
    const binding = (payload: Record<string, unknown>) => JSON.stringify({ uuid: 'm', sessionId: S1, timestamp: '2026-11-03T09:00:00.000Z', type: 'system', subtype: 'session_model', cwd: '/r', systemPayload: payload })
    const provider = (payload: Record<string, unknown>) => read([binding(payload), assistant('a', { promptTokenCount: 1 })].join('\n')).sessions[0].provider
    expect(provider({ modelId: 'qwen3-coder-plus', authType: 'openai', baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' })).toBe('alibaba')
    expect(provider({ modelId: 'qwen/qwen3-coder', authType: 'openai', baseUrl: 'https://openrouter.ai/api/v1' })).toBe('openrouter')
    expect(provider({ modelId: 'claude-sonnet-4-5', authType: 'anthropic' })).toBe('anthropic')
    expect(provider({ modelId: 'gemini-2.5-pro', authType: 'vertex-ai' })).toBe('google')
    // An OpenAI-compatible endpoint nobody knows: the model says who made it.
    expect(provider({ modelId: 'qwen3-coder-plus', authType: 'openai', baseUrl: 'http://localhost:8000/v1' })).toBe('alibaba')
  })

  it('groups records by their session id, and uses the file name when a record has none', () => {
    const other = assistant('b', { promptTokenCount: 5 }, { sessionId: 'other' })
    const anonymous = JSON.stringify({ uuid: 'c', timestamp: '2026-11-03T09:00:00.000Z', type: 'assistant', usageMetadata: { promptTokenCount: 7 } })
    const { sessions } = read([assistant('a', { promptTokenCount: 3 }), other, anonymous].join('\n'), 'chats/file-stem.jsonl')
    expect(sessions.map((session) => [session.id, sum(session, 'input')])).toEqual([
      [S1, 3],
      ['other', 5],
      ['file-stem', 7],
    ])
  })

  it('warns about an implausible count and a line that is not an object, naming the line, and counts the rest', () => {
    const { sessions, issues } = read([assistant('a', { promptTokenCount: 1e20 }), '[1,2]', 'garbage', assistant('b', { promptTokenCount: 10, candidatesTokenCount: '5' }), assistant('c', { promptTokenCount: 4 })].join('\n'))
    expect(sum(sessions[0], 'input')).toBe(4)
    expect(issues.map((issue) => issue.line)).toEqual([1, 2, 3, 4])
    expect(issues[0].message).toMatch(/implausible token count: promptTokenCount/)
  })

  it('skips a record that counts nothing', () => {
    expect(read(assistant('a', { promptTokenCount: 0, candidatesTokenCount: 0 })).sessions[0].usage).toEqual([])
  })
})

describe('telling Qwen Code chats from Claude Code transcripts', () => {
  const encode = (text: string) => new TextEncoder().encode(text)
  const claudeLine = JSON.stringify({ parentUuid: null, isSidechain: false, userType: 'external', cwd: '/r', sessionId: S1, version: '2.0.0', gitBranch: 'main', type: 'user', message: { role: 'user', content: 'hi' }, uuid: 'u', timestamp: '2026-11-03T09:00:00.000Z' })
  const qwenLine = fixture('-home-dana-src-billing-api', S1).split('\n')[1]

  it('claims the files of its store by path, and a copied-out file by its first line', () => {
    expect(qwenChatFormat.claims(`home/.qwen/projects/-p/chats/${S1}.jsonl`, encode(claudeLine))).toBe(true)
    expect(qwenChatFormat.claims(`backup/projects/-p/chats/${S1}.jsonl`, encode('{}'))).toBe(true)
    expect(qwenChatFormat.claims(`Downloads/${S1}.jsonl`, encode(qwenLine))).toBe(true)
    expect(qwenChatFormat.claims(`Downloads/${S1}.jsonl`, encode(JSON.stringify(JSON.parse(qwenLine), null, 1).replace(/\n/g, '')))).toBe(true)
  })

  it('claims none of the Claude Code and Codex fixtures, wherever they were copied', () => {
    for (const path of fixtureLogs(['claude', 'codex'])) {
      const firstLine = encode(readFileSync(path, 'utf8').split('\n')[0])
      expect(qwenChatFormat.claims(`Downloads/${path.split('/').pop()}`, firstLine), path).toBe(false)
    }
  })

  it('never claims a Claude Code transcript, in its store or copied out', () => {
    expect(qwenChatFormat.claims(`home/.claude/projects/-p/${S1}.jsonl`, encode(claudeLine))).toBe(false)
    expect(qwenChatFormat.claims(`home/.claude/projects/-p/${S1}/subagents/agent-a1.jsonl`, encode(claudeLine))).toBe(false)
    expect(qwenChatFormat.claims(`Downloads/${S1}.jsonl`, encode(claudeLine))).toBe(false)
  })

  it('reads a copied-out chat as Qwen Code’s and a Claude Code transcript as Claude Code’s', async () => {
    const [qwen, claude] = memorySources({ [`Downloads/${S1}.jsonl`]: fixture('-home-dana-src-billing-api', S1), [`Downloads/claude.jsonl`]: claudeLine + '\n' })
    expect((await readAgentLogFile(qwen, createStepLabeller())).format).toBe('qwen-code')
    expect((await readAgentLogFile(claude, createStepLabeller())).format).toBe('claude-code')
  })
})
