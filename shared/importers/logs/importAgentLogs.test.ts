import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Run } from '../../records/run'
import { pseudonymize } from '../../privacy/pseudonym'
import { Ledger } from '../../workspace/ledger'
import { importAgentLogs } from './importAgentLogs'
import { knownRequestKeys } from './requestKeys'
import { claudeAssistantLine, memorySources } from '../../../test/support/memoryLogSources'

const FIXTURES = join(__dirname, '../../../test/fixtures/logs')
const S1 = '5a1e0000-0000-4000-8000-000000000001'
const S2 = '5a1e0000-0000-4000-8000-000000000002'
const C1 = '019b0000-0000-7000-8000-0000000000c1'
const C2 = '019b0000-0000-7000-8000-0000000000c2'

/**
 * The Claude Code and Codex fixtures (or those `under` one folder) as in-memory sources (paths
 * relative to test/fixtures/logs), small chunks to cross line ends. Every other agent's fixture
 * has tests of its own beside its reader.
 */
function fixtureFiles(under = ''): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.jsonl')) files[relative(FIXTURES, path)] = readFileSync(path)
    }
  }
  for (const folder of under ? [under] : ['claude', 'codex']) walk(join(FIXTURES, folder))
  return files
}

async function importFixtures(options: Parameters<typeof importAgentLogs>[1] = {}) {
  const result = await importAgentLogs(memorySources(fixtureFiles(), 97), { importedAt: '2026-11-29T00:00:00.000Z', ...options })
  const run = (id: string) => result.runs.find((r) => r.id === id)!
  return { result, run }
}

describe('importAgentLogs: Claude Code', () => {
  it('keeps the largest copy of split lines, adds subagent usage to its parent, skips API-error lines', async () => {
    const { run } = await importFixtures()
    const main = run(S1)
    // Main thread msg_01…msg_07 (msg_01 at its final 120 output tokens; msg_07 has no requestId),
    // plus two haiku requests from <session>/subagents/agent-a1b2c3.jsonl.
    expect(main.requests).toBe(9)
    expect(main.tokens).toEqual({ input: 47, output: 710, cacheWrite5m: 900, cacheWrite1h: 600, cacheRead: 30100, reasoning: 0 })
    expect(main.models).toEqual(['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'])
    expect(main.unpricedModels).toEqual([])
  })

  it('prices exactly, split by UTC month for a session crossing midnight of March 31', async () => {
    const { run } = await importFixtures()
    const main = run(S1)
    // Sonnet 4.5 ($ per million: in 3, out 15, 5m write 3.75, 1h write 6, read 0.30):
    //   22·3 + 590·15 + 900·3.75 + 600·6 + 19900·0.3 = 21861 → 0.021861
    // Haiku 4.5 (in 1, out 5, read 0.10): 25·1 + 120·5 + 10200·0.1 = 1645 → 0.001645
    expect(main.costUSD).toBe('0.023506')
    // March holds only msg_01: 3·3 + 120·15 + 400·3.75 + 600·6 + 2000·0.3 = 7509
    expect(main.costByMonth).toEqual({ '2026-03': '0.007509', '2026-04': '0.015997' })
    expect(main.byModel.map((m) => [m.model, m.costUSD, m.priced])).toEqual([
      ['claude-sonnet-4-5-20250929', '0.021861', true],
      ['claude-haiku-4-5-20251001', '0.001645', true],
    ])
  })

  it('derives steps, repo, branch, span and a pseudonymous actor', async () => {
    const { run } = await importFixtures({ pseudonymSalt: 'team-salt' })
    const main = run(S1)
    expect(main.steps).toEqual(['search', 'read', 'edit', 'build', 'test', 'doc', 'command', 'subagent'])
    expect(main).toMatchObject({ tool: 'claude-code', provider: 'anthropic', repo: 'shop', branch: 'feature/cart' })
    expect(main.start).toBe('2026-03-31T23:50:00.000Z')
    expect(main.end).toBe('2026-04-01T00:08:20.000Z')
    expect(main.actor).toBe(pseudonymize('alice', 'team-salt'))
    const attributed = await importFixtures({ attribution: true })
    expect(attributed.run(S1).actor).toBe('alice')
  })

  it('bills a long-context request whole at the higher rate, prices prefixed ids, lists unknown models', async () => {
    const { run, result } = await importFixtures()
    const payments = run(S2)
    // msg_10: 50k in + 160k cache read > 200k → 50000·6 + 2000·22.5 + 160000·0.6 = 441000 → 0.441
    // msg_12 "anthropic/claude-opus-4.6" → claude-opus-4-6: 10·5 + 20·25 + 100·6.25 + 1000·0.5 = 1675
    // agent-77.jsonl (older sibling sidechain file of this session), haiku: 7·1 + 70·5 + 700·0.1 = 427
    expect(payments.costUSD).toBe('0.443102')
    expect(payments.unpricedModels).toEqual(['claude-mystery-9'])
    expect(payments.byModel.find((m) => m.model === 'claude-mystery-9')).toMatchObject({ costUSD: '0', priced: false, tokens: { input: 100, output: 10 } })
    expect(payments.tokens).toEqual({ input: 50117, output: 2100, cacheWrite5m: 100, cacheWrite1h: 0, cacheRead: 161700, reasoning: 0 })
    expect(payments).toMatchObject({ repo: 'payments', branch: null, steps: ['logs', 'git', 'mcp'], requests: 4 })
    expect(result.unpricedModels).toEqual(['claude-mystery-9'])
  })

  it('prices each request at the price in force when it was made, within one month', async () => {
    // claude-opus-4-6 billed requests above 200k input at $10 / $37.50 until 2026-03-12; from 2026-03-13 at $5 / $25.
    const line = (messageId: string, timestamp: string) => claudeAssistantLine({ sessionId: 's', messageId, requestId: `req_${messageId}`, model: 'claude-opus-4-6', timestamp, input: 250_000, output: 1_000 })
    const result = await importAgentLogs(memorySources({ 's.jsonl': `${line('msg_1', '2026-03-12T23:00:00.000Z')}\n${line('msg_2', '2026-03-13T01:00:00.000Z')}\n` }))
    // 250k·10 + 1k·37.5 = 2.5375, then 250k·5 + 1k·25 = 1.275
    expect(result.runs[0].costUSD).toBe('3.8125')
    expect(result.runs[0].costByMonth).toEqual({ '2026-03': '3.8125' })
  })

  it('warns with line numbers about a malformed middle line and a truncated last line, and still imports', async () => {
    const { result } = await importFixtures()
    const file = `claude/projects/-home-alice-work-shop/${S1}.jsonl`
    expect(result.warnings).toEqual([
      { path: file, line: 6, message: 'not a valid JSON record; line skipped' },
      { path: file, line: 17, message: 'truncated last line (no newline at the end; the file was being written); line skipped' },
    ])
    expect(result.errors).toEqual([])
    expect(result.files.find((f) => f.path === file)).toMatchObject({ format: 'claude-code', lines: 17, runs: [S1] })
  })

  it('drops a sidechain replay of a main-thread message under another request id', async () => {
    const line = (requestId: string, sidechain: boolean, output: number) =>
      claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', requestId, timestamp: '2026-05-01T00:00:00.000Z', output, sidechain })
    const result = await importAgentLogs(memorySources({ 's.jsonl': `${line('req_1', false, 10)}\n${line('req_9', true, 10)}\n` }))
    expect(result.runs[0]).toMatchObject({ requests: 1, tokens: { output: 10 } })
    // Whatever order the files come in: here the sidechain file sorts first.
    const split = await importAgentLogs(memorySources({ 'p/s.jsonl': `${line('req_1', false, 10)}\n`, 'p/agent-1.jsonl': `${line('req_9', true, 10)}\n` }))
    expect(split.runs.map((run) => [run.id, run.requests])).toEqual([['s', 1]])
  })

  it('deduplicates requestId-less lines by message id within a session, as ccusage 20.0.24 does', async () => {
    const line = (sessionId: string, output: number) => claudeAssistantLine({ sessionId, messageId: 'msg_gw', timestamp: '2026-05-01T00:00:00.000Z', output })
    const result = await importAgentLogs(memorySources({ 'a.jsonl': `${line('a', 5)}\n${line('a', 9)}\n`, 'b.jsonl': `${line('b', 9)}\n` }))
    expect(result.runs.map((r) => [r.id, r.requests, r.tokens.output])).toEqual([
      ['a', 1, 9],
      ['b', 1, 9],
    ])
  })

  it('reports an unreadable file as an error naming it, and imports the others', async () => {
    const broken = { path: 'gone.jsonl', chunks: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('EACCES: permission denied')) }) }) }
    const result = await importAgentLogs([broken, ...memorySources(fixtureFiles('codex'))])
    expect(result.errors).toEqual([{ path: 'gone.jsonl', line: 0, message: 'cannot read the file: EACCES: permission denied' }])
    expect(result.runs).toHaveLength(2)
  })
})

describe('importAgentLogs: Codex', () => {
  it('counts positive deltas of the cumulative totals across a model switch, ignoring re-emits and info:null', async () => {
    const { run } = await importFixtures()
    const rollout = run(C1)
    expect(rollout.tokens).toEqual({ input: 5000, output: 900, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 20000, reasoning: 300 })
    expect(rollout.byModel.map((m) => [m.model, m.tokens.input, m.tokens.cacheRead, m.tokens.output, m.costUSD])).toEqual([
      // gpt-5-codex: 2000·1.25 + 8000·0.125 + 500·10 = 8500;  gpt-5-mini: 3000·0.25 + 12000·0.025 + 400·2 = 1850
      ['gpt-5-codex', 2000, 8000, 500, '0.0085'],
      ['gpt-5-mini', 3000, 12000, 400, '0.00185'],
    ])
    expect(rollout).toMatchObject({ costUSD: '0.01035', requests: 2, repo: 'billing-service', branch: 'fix/rounding', provider: 'openai', steps: ['search', 'edit', 'test', 'plan'] })
  })

  it('does not count a forked rollout’s replay of its parent', async () => {
    const { run } = await importFixtures()
    const fork = run(C2)
    // Own usage only: totals 31000/24000/1300/500 minus the replayed parent's 25000/20000/900/300.
    expect(fork.tokens).toEqual({ input: 2000, output: 400, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 4000, reasoning: 200 })
    expect(fork).toMatchObject({ costUSD: '0.0098', requests: 1, steps: ['read'], start: '2026-02-12T09:30:00.000Z' })
  })
})

describe('importing again', () => {
  it('never counts a request twice: same files again, a resumed copy, and the ledger', async () => {
    const first = await importFixtures()
    const known = knownRequestKeys(first.result.runs)
    const again = await importFixtures({ knownRequestKeys: known })
    expect(again.result.runs).toEqual(first.result.runs)
    expect(again.result.batch!.meta.id).toBe(first.result.batch!.meta.id)

    // `claude --resume` on another machine: a new session file copying msg_02 and msg_03 of S1, plus one new request.
    const s1Lines = new TextDecoder().decode(fixtureFiles()[`claude/projects/-home-alice-work-shop/${S1}.jsonl`]).split('\n')
    const copied = [s1Lines[6], s1Lines[7]].map((line) => line.replaceAll(S1, 'resumed'))
    const fresh = claudeAssistantLine({ sessionId: 'resumed', messageId: 'msg_new', requestId: 'req_new', timestamp: '2026-04-02T00:00:00.000Z', output: 7 })
    const resumed = await importAgentLogs(memorySources({ 'resumed.jsonl': [...copied, fresh].join('\n') + '\n' }), { knownRequestKeys: known })
    expect(resumed.runs).toHaveLength(1)
    expect(resumed.runs[0]).toMatchObject({ id: 'resumed', requests: 1, tokens: { output: 7 } })

    const ledger = new Ledger(new Y.Doc())
    for (const batch of [first.result.batch!, again.result.batch!, resumed.batch!]) ledger.add(batch)
    const runs = ledger.runs().records
    expect(runs.filter((r) => r.id === S1)).toHaveLength(1)
    expect(runs.reduce((sum, r) => sum + r.requests, 0)).toBe(first.result.runs.reduce((sum, r) => sum + r.requests, 0) + 1)
  })

  it('packs the runs as a valid runs batch', async () => {
    const { result } = await importFixtures()
    const { meta } = result.batch!
    expect(meta).toMatchObject({ kind: 'runs', format: 'agent-logs', records: 4, totals: { USD: '0.486758' }, from: '2026-02-10T10:00:00.000Z', to: '2026-04-01T00:08:20.000Z' })
    expect(meta.fileNames).toContain(`${S1}.jsonl`)
    expect(meta.warnings[0]).toEqual({ line: 6, message: `${S1}.jsonl: not a valid JSON record; line skipped` })
    for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
  })

  it('encodes no batch for a check that stores nothing, and imports the same otherwise', async () => {
    const { result: stored } = await importFixtures()
    const { result: checked } = await importFixtures({ encodeBatch: false })
    expect(checked.batch).toBeNull()
    expect({ ...checked, batch: stored.batch }).toEqual(stored)
  })
})

describe('logs re-saved by a script (valid JSON, spaced differently)', () => {
  /** Each line re-serialised, still one object per line; malformed lines (the fixtures have some) stay as they are. */
  const respace = (files: Record<string, Uint8Array>, style: (record: unknown) => string) =>
    Object.fromEntries(
      Object.entries(files).map(([path, bytes]) => {
        const lines = new TextDecoder().decode(bytes).split('\n').map((line) => {
          try {
            return style(JSON.parse(line))
          } catch {
            return line
          }
        })
        // Named as a script might save them: the format is told from the content, not from a rollout- name.
        return [path.replace('rollout-', 'saved-'), lines.join('\n')]
      }),
    )
  const styles = {
    'indented like JSON.stringify(x, null, 1), joined on one line': (record: unknown) => JSON.stringify(record, null, 1).replace(/\n */g, ' '),
    'with ": " after every key, as Python’s json.dumps writes': (record: unknown) => JSON.stringify(record, null, 1).replace(/\n */g, '').replace(/,"/g, ', "'),
  }

  for (const [name, style] of Object.entries(styles)) {
    it(`imports the same Claude Code and Codex runs from lines ${name}`, async () => {
      const compact = await importAgentLogs(memorySources(respace(fixtureFiles(), (record) => JSON.stringify(record)), 97), { importedAt: '2026-11-29T00:00:00.000Z' })
      const spaced = await importAgentLogs(memorySources(respace(fixtureFiles(), style), 97), { importedAt: '2026-11-29T00:00:00.000Z' })
      expect(compact.runs.map((run) => run.tool).sort()).toEqual(['claude-code', 'claude-code', 'codex', 'codex'])
      expect(spaced.runs).toEqual(compact.runs)
      expect(spaced.warnings).toEqual(compact.warnings)
    })
  }

  it('warns about a file from which nothing could be read, instead of importing it as an empty session', async () => {
    const result = await importAgentLogs(memorySources({ 'notes.jsonl': '{"note":"not a transcript"}\n{"note":"either"}\n' }))
    expect(result.runs).toEqual([])
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([{ path: 'notes.jsonl', line: 0, message: 'nothing could be read from this file: none of its 2 lines has a timestamp or token usage' }])
  })
})
