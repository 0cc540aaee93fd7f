import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importAgentLogs } from '../importAgentLogs'
import { sqliteStoreHeader } from '../sessionLogFormat'
import { SESSION_LOG_FORMATS } from '../sessionLogFormats'
import { memorySources } from '../../../../test/support/memoryLogSources'
import { kiloFormat, openCodeFormat } from './openCodeFormat'

const DB = '/home/alice/.local/share/opencode/opencode.db'
const STORAGE = '/home/alice/.local/share/opencode/storage'
const PARENT = 'ses_parent0000000000000000001'
const CHILD = 'ses_child00000000000000000002'
const CWD = '/home/alice/src/api-server'

function row(query: string, row: Record<string, unknown>): string {
  return JSON.stringify({ query, row })
}

function sessionRow(id: string, parentId: string | null = null): string {
  return row('session', { id, parent_id: parentId, directory: CWD, time_created: 1780300000000, time_updated: 1780300400000 })
}

function assistant(fields: { created: number; model?: string; provider?: string; input?: number; output?: number; reasoning?: number; read?: number; write?: number; total?: number }) {
  const tokens: Record<string, unknown> = { input: fields.input ?? 100, output: fields.output ?? 10, reasoning: fields.reasoning ?? 0, cache: { read: fields.read ?? 0, write: fields.write ?? 0 } }
  if (fields.total !== undefined) tokens.total = fields.total
  return {
    role: 'assistant',
    time: { created: fields.created, completed: fields.created + 5000 },
    modelID: fields.model ?? 'claude-sonnet-4-5',
    providerID: fields.provider ?? 'anthropic',
    mode: 'build',
    path: { cwd: CWD, root: CWD },
    cost: 0,
    tokens,
  }
}

function messageRow(id: string, sessionId: string, data: unknown): string {
  return row('message', { id, session_id: sessionId, data: typeof data === 'string' ? data : JSON.stringify(data) })
}

function toolPart(id: string, messageId: string, sessionId: string, tool: string, input: Record<string, unknown>, start: number): string {
  const data = { type: 'tool', callID: `call_${id}`, tool, state: { status: 'completed', input, time: { start, end: start + 1000 } } }
  return row('part', { id, message_id: messageId, session_id: sessionId, data: JSON.stringify(data) })
}

function store(lines: string[], tool: 'opencode' | 'kilo' = 'opencode'): string {
  return [sqliteStoreHeader(tool), ...lines].join('\n') + '\n'
}

async function importFiles(files: Record<string, string>) {
  return importAgentLogs(memorySources(files))
}

describe('OpenCode sessions from opencode.db rows', () => {
  it('counts each assistant message once, with reasoning billed as output, and labels the tool parts', async () => {
    const result = await importFiles({
      [DB]: store([
        sessionRow(PARENT),
        messageRow('msg_u1', PARENT, { role: 'user', time: { created: 1780300000000 }, model: { providerID: 'anthropic', modelID: 'claude-sonnet-4-5' } }),
        messageRow('msg_a1', PARENT, assistant({ created: 1780300001000, input: 1200, output: 320, read: 12000, write: 3100 })),
        messageRow('msg_a2', PARENT, assistant({ created: 1780300200000, model: 'gpt-5', provider: 'openai', input: 8000, output: 600, reasoning: 1400, read: 2048 })),
        messageRow('msg_aborted', PARENT, assistant({ created: 1780300300000, input: 0, output: 0 })),
        toolPart('prt_1', 'msg_a1', PARENT, 'bash', { command: 'pnpm vitest run src/retry.test.ts' }, 1780300010000),
        toolPart('prt_2', 'msg_a2', PARENT, 'edit', { filePath: `${CWD}/src/retry.ts`, oldString: 'secret old', newString: 'secret new' }, 1780300250000),
        toolPart('prt_3', 'msg_a2', PARENT, 'bash', { command: 'git commit -am "private message"' }, 1780300300000),
      ]),
    })
    expect(result.warnings).toEqual([])
    expect(result.runs).toHaveLength(1)
    const run = result.runs[0]
    expect(run).toMatchObject({ id: PARENT, tool: 'opencode', provider: 'anthropic', repo: 'api-server', models: ['claude-sonnet-4-5', 'gpt-5'] })
    expect(run.tokens).toEqual({ input: 9200, output: 320 + 600 + 1400, cacheWrite5m: 3100, cacheWrite1h: 0, cacheRead: 14048, reasoning: 1400 })
    expect(run.steps).toEqual(['test', 'edit', 'git'])
    expect(JSON.stringify(run)).not.toMatch(/secret|private|retry\.test/)
    expect(run.start).toBe('2026-06-01T07:46:40.000Z')
  })

  it('folds a subagent session (parent_id) into its parent run', async () => {
    const result = await importFiles({
      [DB]: store([
        sessionRow(PARENT),
        sessionRow(CHILD, PARENT),
        messageRow('msg_a1', PARENT, assistant({ created: 1780300001000 })),
        messageRow('msg_c1', CHILD, assistant({ created: 1780300101000, model: 'claude-haiku-4-5', input: 5400 })),
        toolPart('prt_t', 'msg_a1', PARENT, 'task', { description: 'Find it', subagent_type: 'general' }, 1780300090000),
        toolPart('prt_g', 'msg_c1', CHILD, 'grep', { pattern: 'sleep' }, 1780300120000),
      ]),
    })
    expect(result.runs.map((run) => run.id)).toEqual([PARENT])
    expect(result.runs[0].tokens.input).toBe(5500)
    expect([...result.runs[0].models].sort()).toEqual(['claude-haiku-4-5', 'claude-sonnet-4-5'])
    expect(result.runs[0].steps).toEqual(['subagent', 'search'])
  })

  it('counts a message kept both in opencode.db and in storage/ once', async () => {
    const message = { id: 'msg_a1', sessionID: PARENT, ...assistant({ created: 1780300001000, input: 700 }) }
    const result = await importFiles({
      [DB]: store([sessionRow(PARENT), messageRow('msg_a1', PARENT, assistant({ created: 1780300001000, input: 700 }))]),
      [`${STORAGE}/message/${PARENT}/msg_a1.json`]: JSON.stringify(message, null, 2),
      [`${STORAGE}/session/4b0e/${PARENT}.json`]: JSON.stringify({ id: PARENT, projectID: '4b0e', directory: CWD, time: { created: 1780300000000 } }, null, 2),
    })
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0].tokens.input).toBe(700)
  })

  it('counts the messages a fork copied from its source once, in the source, with their steps', async () => {
    const FORK = 'ses_fork000000000000000000003'
    const copied = assistant({ created: 1780300001000, input: 1200 })
    const result = await importFiles({
      [DB]: store([
        row('session', { id: PARENT, parent_id: null, directory: CWD, time_created: 1780300000000, time_updated: 1780300400000 }),
        row('session', { id: FORK, parent_id: null, directory: CWD, time_created: 1780301000000, time_updated: 1780301300000 }),
        messageRow('msg_a1', PARENT, copied),
        messageRow('msg_f1', FORK, copied),
        messageRow('msg_f2', FORK, assistant({ created: 1780301010000, input: 1900 })),
        toolPart('prt_1', 'msg_a1', PARENT, 'bash', { command: 'pnpm vitest run' }, 1780300010000),
        toolPart('prt_2', 'msg_f1', FORK, 'bash', { command: 'pnpm vitest run' }, 1780300010000),
        toolPart('prt_3', 'msg_f2', FORK, 'bash', { command: 'pnpm run lint' }, 1780301050000),
      ]),
    })
    const runs = Object.fromEntries(result.runs.map((run) => [run.id, run]))
    expect(runs[PARENT]).toMatchObject({ tokens: { input: 1200 }, steps: ['test'] })
    expect(runs[FORK]).toMatchObject({ tokens: { input: 1900 }, steps: ['lint'] })
  })

  it('reports a half-written row by its line and table, and reads the rest', async () => {
    const result = await importFiles({
      [DB]: store([sessionRow(PARENT), messageRow('msg_half', PARENT, '{"role":"assistant","time":{"crea'), messageRow('msg_a1', PARENT, assistant({ created: 1780300001000 }))]),
    })
    expect(result.warnings).toEqual([{ path: DB, line: 3, message: 'message msg_half: its data is not a JSON object (the row may be half-written); skipped' }])
    expect(result.runs[0].tokens.input).toBe(100)
  })

  it('counts a provider total without parts as output, and refuses implausible counts', async () => {
    const result = await importFiles({
      [DB]: store([
        messageRow('msg_t', PARENT, { ...assistant({ created: 1780300001000, input: 0, output: 0 }), tokens: { total: 123 } }),
        messageRow('msg_x', PARENT, assistant({ created: 1780300002000, input: 1e18 })),
      ]),
    })
    expect(result.runs[0].tokens).toMatchObject({ input: 0, output: 123 })
    expect(result.warnings).toEqual([{ path: DB, line: 3, message: 'implausible token count: input is 1000000000000000000; message not counted' }])
  })
})

describe('OpenCode storage/ JSON files', () => {
  it('reads a session from its message, part and session files', async () => {
    const result = await importFiles({
      [`${STORAGE}/message/${PARENT}/msg_a1.json`]: JSON.stringify({ id: 'msg_a1', sessionID: PARENT, ...assistant({ created: 1770000005000, model: 'gemini-2.5-pro', provider: 'google' }) }, null, 2),
      [`${STORAGE}/part/msg_a1/prt_1.json`]: JSON.stringify({ id: 'prt_1', sessionID: PARENT, messageID: 'msg_a1', type: 'tool', callID: 'c1', tool: 'webfetch', state: { status: 'completed', input: { url: 'https://x' }, time: { start: 1770000060000 } } }, null, 2),
      [`${STORAGE}/session/a81f/${PARENT}.json`]: JSON.stringify({ id: PARENT, projectID: 'a81f', directory: CWD, time: { created: 1770000000000, updated: 1770000600000 } }, null, 2),
    })
    expect(result.warnings).toEqual([])
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0]).toMatchObject({ id: PARENT, provider: 'google', repo: 'api-server', steps: ['web'], start: '2026-02-02T02:40:00.000Z', end: '2026-02-02T02:50:00.000Z' })
  })

  it('reads the first layout and message shape: usage under metadata.assistant, tool calls inline', async () => {
    const message = {
      id: 'msg_v1',
      role: 'assistant',
      parts: [
        { type: 'tool-invocation', toolInvocation: { state: 'result', toolCallId: 't1', toolName: 'bash', args: { command: 'cargo test --workspace' }, result: 'ok' } },
        { type: 'text', text: 'Done' },
      ],
      metadata: {
        time: { created: 1750000005000, completed: 1750000390000 },
        sessionID: PARENT,
        tool: { t1: { time: { start: 1750000100000, end: 1750000160000 } } },
        assistant: { modelID: 'claude-sonnet-4-20250514', providerID: 'anthropic', path: { cwd: '/home/alice/src/cli-tool', root: '/' }, cost: 0.07, tokens: { input: 4300, output: 880, reasoning: 0, cache: { read: 21000, write: 6100 } } },
      },
    }
    const result = await importFiles({
      [`${STORAGE}/session/message/${PARENT}/msg_v1.json`]: JSON.stringify(message, null, 2),
      [`${STORAGE}/session/info/${PARENT}.json`]: JSON.stringify({ id: PARENT, version: '0.1.124', time: { created: 1750000000000, updated: 1750000400000 } }, null, 2),
    })
    expect(result.warnings).toEqual([])
    expect(result.runs).toHaveLength(1)
    expect(result.runs[0]).toMatchObject({ id: PARENT, provider: 'anthropic', repo: 'cli-tool', steps: ['test'], models: ['claude-sonnet-4-20250514'], start: '2025-06-15T15:06:40.000Z' })
    expect(result.runs[0].tokens).toEqual({ input: 4300, output: 880, cacheWrite5m: 6100, cacheWrite1h: 0, cacheRead: 21000, reasoning: 0 })
  })

  it('skips a file cut off mid-write with a warning naming it', async () => {
    const path = `${STORAGE}/message/${PARENT}/msg_cut.json`
    const result = await importFiles({ [path]: '{\n  "id": "msg_cut",\n  "tokens": {\n    "input": 12' })
    expect(result.runs).toEqual([])
    expect(result.warnings[0]).toEqual({ path, line: 4, message: 'the JSON ends early (cut short, or still being written); file skipped' })
  })
})

describe('Kilo CLI', () => {
  it('reads kilo.db rows as Kilo sessions, times written in seconds too', async () => {
    const path = '/home/bob/.local/share/kilo/kilo.db'
    const result = await importFiles({ [path]: store([messageRow('msg_k1', 'ses_k', assistant({ created: 1781000201 }))], 'kilo') })
    expect(result.files[0].format).toBe('kilo')
    expect(result.runs[0]).toMatchObject({ id: 'ses_k', tool: 'kilo', start: '2026-06-09T10:16:41.000Z' })
  })
})

describe('which files are OpenCode and Kilo stores', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  it('claims the storage/ files and the stores by their header, and nothing else', () => {
    expect(openCodeFormat.wantsPath('storage/message/ses_1/msg_1.json')).toBe(true)
    expect(openCodeFormat.wantsPath('opencode/storage/part/msg_1/prt_1.json')).toBe(true)
    expect(openCodeFormat.wantsPath('opencode/storage/project/4b0e.json')).toBe(false)
    expect(openCodeFormat.wantsPath('notes/message.json')).toBe(false)
    expect(openCodeFormat.wantsPath('storage/session/info/ses_1.json')).toBe(true)
    expect(openCodeFormat.wantsPath('storage/session/message/ses_1/msg_1.json')).toBe(true)
    expect(openCodeFormat.wantsPath('share/opencode/opencode-beta.db')).toBe(true)
    expect(kiloFormat.wantsPath('share/kilo/kilo.db')).toBe(true)
    expect(openCodeFormat.claims('x/opencode.db', bytes(sqliteStoreHeader('opencode')))).toBe(true)
    expect(openCodeFormat.claims('x/kilo.db', bytes(sqliteStoreHeader('kilo')))).toBe(false)
    expect(kiloFormat.claims('x/kilo.db', bytes(sqliteStoreHeader('kilo')))).toBe(true)
  })

  it('claims no other agent’s fixture, and every OpenCode storage/ fixture file is read as OpenCode’s', () => {
    const logs = join(__dirname, '../../../../test/fixtures/logs')
    for (const agent of readdirSync(logs)) {
      for (const file of readdirSync(join(logs, agent), { recursive: true, encoding: 'utf8' })) {
        const path = join(logs, agent, file)
        if (!statSync(path).isFile() || path.endsWith('.sql')) continue
        const firstLine = bytes(readFileSync(path, 'utf8').split('\n')[0])
        const claimedBy = SESSION_LOG_FORMATS.find((format) => format.claims(relative(logs, path), firstLine))?.tool
        if (agent === 'opencode') expect(claimedBy, file).toBe(openCodeFormat.wantsPath(file) ? 'opencode' : undefined)
        else expect([openCodeFormat.claims(file, firstLine), kiloFormat.claims(file, firstLine)], path).toEqual([false, false])
      }
    }
  })

  it('tells the two stores apart by their file name, as their tables are the same', () => {
    const tables = ['project', 'session', 'message', 'part', 'todo']
    expect(openCodeFormat.sqlite!.matches(tables, '/h/.local/share/opencode/opencode.db')).toBe(true)
    expect(openCodeFormat.sqlite!.matches(tables, '/h/.local/share/kilo/kilo.db')).toBe(false)
    expect(kiloFormat.sqlite!.matches(tables, '/h/.local/share/kilo/kilo.db')).toBe(true)
    expect(kiloFormat.sqlite!.matches(['sessions', 'messages'], '/h/kilo.db')).toBe(false)
  })
})
