import { readFileSync } from 'node:fs'
import { fixtureLogs } from '../../../../test/support/fixtureLogs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStepLabeller } from '../../../steps/labelStep'
import type { AgentSession } from '../agentSession'
import { importAgentLogs } from '../importAgentLogs'
import { readAgentLogFile } from '../readAgentLogFile'
import { memorySources } from '../../../../test/support/memoryLogSources'
import type { LogIssue } from '../types'
import { droidModelId } from './droidModel'
import { droidSessionFormat, droidSessionReader } from './droidSessionLog'
import { droidSettingsFormat, droidSettingsReader } from './droidSettings'

const SESSIONS = join(__dirname, '../../../../test/fixtures/logs/droid/sessions')
const D1 = 'de1a0000-0000-4000-8000-000000000001'
const D2 = 'de1a0000-0000-4000-8000-000000000002'
const D3 = 'de1a0000-0000-4000-8000-000000000003'
const fixture = (path: string) => readFileSync(join(SESSIONS, path), 'utf8')

function read(reader: typeof droidSessionReader | typeof droidSettingsReader, path: string, text: string, terminated = true): { sessions: AgentSession[]; issues: LogIssue[] } {
  const issues: LogIssue[] = []
  let sessions: AgentSession[] = []
  const lineReader = reader(path, createStepLabeller(), (issue) => issues.push(issue), (done) => (sessions = done))
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((line, index) => lineReader.line(new TextEncoder().encode(line), index + 1, terminated || index < lines.length - 1))
  lineReader.finish()
  return { sessions, issues }
}

describe('Factory Droid transcripts', () => {
  it('read the steps, working folder, span and parent of a session, and no tokens (Droid keeps none there)', () => {
    const { sessions, issues } = read(droidSessionReader, `sessions/-home-dana-src-api/${D1}.jsonl`, fixture(`-home-dana-src-api/${D1}.jsonl`))
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({ tool: 'droid', id: D1, cwd: '/home/dana/src/api', parentId: null, usage: [] })
    expect(sessions[0].steps.map((step) => step.label)).toEqual(['read', 'test', 'edit', 'subagent', 'git'])
    expect(sessions[0].steps[1].call).toEqual({ tool: 'Execute', command: ['pnpm vitest run'] })
    expect(sessions[0].steps.map((step) => step.key)).toEqual(['toolu_01', 'toolu_02', 'toolu_03', 'toolu_04', 'toolu_05'])
    const times = sessions[0].times.filter(Number.isFinite)
    expect([Math.min(...times), Math.max(...times)]).toEqual([Date.parse('2026-11-10T09:58:02.000Z'), Date.parse('2026-11-10T10:21:15.000Z')])
    expect(issues).toEqual([{ path: `sessions/-home-dana-src-api/${D1}.jsonl`, line: 8, message: 'not a valid JSON record; line skipped' }])
  })

  it('link a subagent’s session to the session that called it, with the model its messages name', () => {
    const { sessions } = read(droidSessionReader, `${D2}.jsonl`, fixture(`-home-dana-src-api/${D2}.jsonl`))
    expect(sessions[0]).toMatchObject({ id: D2, parentId: D1 })
    expect(sessions[0].steps.map((step) => [step.label, step.call.model])).toEqual([['lint', 'gpt-5-codex']])
  })

  it('name the files an ApplyPatch or Create writes, for the doc and edit rules', () => {
    const message = (content: unknown[]) => JSON.stringify({ type: 'message', id: 'm', timestamp: '2026-11-10T10:00:00.000Z', message: { role: 'assistant', content } })
    const text = [
      message([{ type: 'tool_use', id: 't1', name: 'ApplyPatch', input: { input: '*** Begin Patch\n*** Update File: docs/guide.md\n@@\n-a\n+b\n*** End Patch' } }]),
      message([{ type: 'tool_use', id: 't2', name: 'Create', input: { file_path: 'src/new.ts', content: 'x' } }]),
      message([{ type: 'tool_use', id: 't3', name: 'FetchUrl', input: { url: 'https://example.com' } }, { type: 'tool_use', name: 'UnknownTool', input: {} }]),
    ].join('\n')
    expect(read(droidSessionReader, 'a.jsonl', text).sessions[0].steps.map((step) => step.label)).toEqual(['doc', 'edit', 'web'])
  })
})

describe('Factory Droid settings', () => {
  it('give the session’s totals as one record, thinking billed as output, with the model and provider it was locked to', () => {
    const { sessions, issues } = read(droidSettingsReader, `sessions/-home-dana-src-api/${D1}.settings.json`, fixture(`-home-dana-src-api/${D1}.settings.json`))
    expect(issues).toEqual([])
    expect(sessions[0]).toMatchObject({ id: D1, provider: 'anthropic', steps: [] })
    expect(sessions[0].usage).toEqual([
      {
        sessionId: D1,
        model: 'claude-sonnet-4-5-20250929',
        time: Date.parse('2026-11-10T10:20:01.000Z'),
        tokens: { input: 18400, output: 9200 + 2100, cacheWrite5m: 41000, cacheWrite1h: 0, cacheRead: 1250000, reasoning: 2100 },
        key: `droid-settings:${D1}`,
        sessionTotal: true,
      },
    ])
  })

  it('read a custom model through Factory’s generic route, and a total with no output count as output', () => {
    const { sessions } = read(droidSettingsReader, `${D3}.settings.json`, fixture(`-home-dana-src-infra/${D3}.settings.json`))
    expect(sessions[0]).toMatchObject({ provider: 'fireworks' })
    expect(sessions[0].usage[0]).toMatchObject({ model: 'glm-4.6-0', tokens: { input: 30000, output: 18000 } })
  })

  it('warn about a file cut short or not JSON, naming the line, and about an implausible count', () => {
    const cut = read(droidSettingsReader, 'x.settings.json', '{\n  "model": "gpt-5",\n  "tokenUsage": {"inputTokens": 1', false)
    expect(cut.issues).toEqual([{ path: 'x.settings.json', line: 3, message: 'truncated JSON (the file was being written); file skipped' }])
    const broken = read(droidSettingsReader, 'x.settings.json', '{\n  "model": "gpt-5"\n  "tokenUsage": {}\n}')
    expect(broken.issues).toEqual([{ path: 'x.settings.json', line: 3, message: 'not valid JSON; file skipped' }])
    const huge = read(droidSettingsReader, 'x.settings.json', '{\n  "model": "gpt-5",\n  "tokenUsage": {"inputTokens": -4}\n}')
    expect(huge.issues).toEqual([{ path: 'x.settings.json', line: 3, message: 'implausible token count: inputTokens is -4; session not counted' }])
    expect([cut, broken, huge].map((result) => result.sessions)).toEqual([[], [], []])
  })

  it('make no session without token usage', () => {
    expect(read(droidSettingsReader, 'x.settings.json', '{"model": "gpt-5"}').sessions).toEqual([])
    expect(read(droidSettingsReader, 'x.settings.json', '{"model": "gpt-5", "tokenUsage": {"inputTokens": 0}}').sessions[0].usage).toEqual([])
  })
})

describe('a Droid session imported from its two files', () => {
  it('joins the transcript and the settings, keeps the newest snapshot of the totals and folds a subagent’s session into its caller', async () => {
    const files = Object.fromEntries(
      [`-home-dana-src-api/${D1}.jsonl`, `-home-dana-src-api/${D1}.settings.json`, `archive/${D1}.settings.json`, `-home-dana-src-api/${D2}.jsonl`, `-home-dana-src-api/${D2}.settings.json`].map((path) => [`sessions/${path}`, fixture(path)]),
    )
    const { runs } = await importAgentLogs(memorySources(files, 61))
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ id: D1, tool: 'droid', provider: 'anthropic', repo: 'api', start: '2026-11-10T09:58:02.000Z', end: '2026-11-10T10:21:15.000Z' })
    expect(runs[0].tokens).toMatchObject({ input: 18400 + 5200, cacheRead: 1250000 + 12000, cacheWrite5m: 41000 })
    expect(runs[0].steps).toEqual(['read', 'test', 'edit', 'subagent', 'lint', 'git'])
    // Priced flat: a session's total passes 200k tokens without any one request doing so.
    expect(runs[0].usage!.every((group) => group.contextAbove === 0)).toBe(true)
  })
})

describe('telling Droid files from the others', () => {
  const encode = (text: string) => new TextEncoder().encode(text)
  const start = JSON.stringify({ type: 'session_start', id: D1, title: 't', version: 2, cwd: '/r' })
  const claudeLine = JSON.stringify({ parentUuid: null, sessionId: D1, type: 'user', message: { role: 'user', content: 'hi' }, uuid: 'u', timestamp: '2026-11-03T09:00:00.000Z' })

  it('claims transcripts in its store or by their first record, settings by their name, and never a Claude Code transcript', () => {
    expect(droidSessionFormat.claims(`home/.factory/sessions/-p/${D1}.jsonl`, encode('{}'))).toBe(true)
    expect(droidSessionFormat.claims(`Downloads/${D1}.jsonl`, encode(start))).toBe(true)
    expect(droidSessionFormat.claims(`Downloads/${D1}.jsonl`, encode(claudeLine))).toBe(false)
    expect(droidSessionFormat.claims(`home/.claude/projects/-p/${D1}.jsonl`, encode(claudeLine))).toBe(false)
    expect(droidSettingsFormat.claims(`Downloads/${D1}.settings.json`, encode('{'))).toBe(true)
    expect(droidSettingsFormat.wantsPath(`backup/${D1}.settings.json`)).toBe(true)
    expect(droidSettingsFormat.wantsPath('home/.factory/sessions/-p/abc.settings.json')).toBe(true)
    expect(droidSettingsFormat.wantsPath('project/.vscode/editor.settings.json')).toBe(false)
  })

  it('claims none of the Claude Code, Codex and Qwen Code fixtures, wherever they were copied', () => {
    for (const path of fixtureLogs(['claude', 'codex', 'qwen-code'])) {
      const firstLine = encode(readFileSync(path, 'utf8').split('\n')[0])
      expect(droidSessionFormat.claims(`Downloads/${path.split('/').pop()}`, firstLine), path).toBe(false)
      expect(droidSettingsFormat.claims(`Downloads/${path.split('/').pop()}`, firstLine), path).toBe(false)
    }
  })

  it('reads a copied-out transcript as Droid’s', async () => {
    const [file] = memorySources({ [`Downloads/${D1}.jsonl`]: fixture(`-home-dana-src-api/${D1}.jsonl`) })
    expect((await readAgentLogFile(file, createStepLabeller())).format).toBe('droid')
  })

  it('keeps model ids as Droid writes them and tidies custom model names', () => {
    expect(droidModelId('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5-20250929')
    expect(droidModelId('gpt-5.1-codex')).toBe('gpt-5.1-codex')
    expect(droidModelId('custom:Claude-Opus-4.5-Thinking-[Anthropic]-0')).toBe('claude-opus-4.5-thinking-0')
  })
})
