import { describe, expect, it } from 'vitest'
import { AgentLogAssembler } from './agentLogAssembler'
import type { AgentSession } from './agentSession'
import type { AgentLogFile } from './readAgentLogFile'

const tokens = (output: number) => ({ input: 10, output, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 })
const at = (iso: string) => Date.parse(iso)

function session(id: string, parentId: string | null, requests: [key: string | null, output: number][], time = '2026-11-02T10:00:00.000Z'): AgentSession {
  return {
    tool: 'opencode',
    id,
    provider: 'anthropic',
    cwd: '/home/dana/src/app',
    remoteRepo: null,
    branch: null,
    times: [at(time)],
    steps: [],
    usage: requests.map(([key, output]) => ({ sessionId: id, model: 'claude-sonnet-4-5', time: at(time), tokens: tokens(output), key })),
    parentId,
  }
}

function file(path: string, sessions: AgentSession[]): AgentLogFile {
  return { path, format: 'opencode', lines: 1, bytes: 1, warnings: [], error: null, claude: null, sessions, places: [] }
}

describe('sessions of agents other than Claude Code', () => {
  it('counts a keyed request once across two copies of a session, and keeps the fuller copy without keys', () => {
    const assembler = new AgentLogAssembler()
    assembler.add(file('a/store.db', [session('s1', null, [['m1', 5], ['m2', 7]]), session('s2', null, [[null, 3]])]))
    assembler.add(file('b/store.db', [session('s1', null, [['m2', 7], ['m3', 11]]), session('s2', null, [[null, 3], [null, 4]])]))
    const runs = new Map(assembler.finish().runs.map((run) => [run.id, run]))
    expect(runs.get('s1')?.tokens.output).toBe(5 + 7 + 11)
    expect(runs.get('s2')?.tokens.output).toBe(3 + 4)
  })

  it('keeps the larger of two copies of one keyed record (a later snapshot of a running total)', () => {
    const assembler = new AgentLogAssembler()
    assembler.add(file('archive/s.settings.json', [session('s', null, [['total', 5]])]))
    assembler.add(file('live/s.settings.json', [session('s', null, [['total', 9]])]))
    assembler.add(file('older/s.settings.json', [session('s', null, [['total', 7]])]))
    expect(assembler.finish().runs.map((run) => run.tokens.output)).toEqual([9])
  })

  it('takes the provider from the copy that has the requests, and the rest from both', () => {
    const transcript = { ...session('s', 'parent-of-s', []), provider: 'factory', steps: [{ time: at('2026-11-02T10:00:00.000Z'), label: 'test', key: 'call-1', call: { tool: 'Execute' } }] }
    const assembler = new AgentLogAssembler()
    assembler.add(file('s.jsonl', [transcript]))
    assembler.add(file('s.settings.json', [{ ...session('s', null, [['total', 5]]), provider: 'openai', cwd: null }]))
    const [run] = assembler.finish().runs
    expect(run).toMatchObject({ id: 's', provider: 'openai', repo: 'app', steps: ['test'] })
    expect(run.tokens.output).toBe(5)
  })

  it('folds a child session into its parent run (grandchildren too), and lists the parent for the child’s file', () => {
    const assembler = new AgentLogAssembler()
    assembler.add(file('child.json', [session('child', 'parent', [['c1', 2]])]))
    assembler.add(file('grandchild.json', [session('grandchild', 'child', [['g1', 1]])]))
    assembler.add(file('parent.json', [session('parent', null, [['p1', 4]], '2026-11-02T09:00:00.000Z')]))
    const result = assembler.finish()
    expect(result.runs.map((run) => [run.id, run.tokens.output])).toEqual([['parent', 7]])
    expect(result.files.map((f) => f.runs)).toEqual([['parent'], ['parent'], ['parent']])
  })

  it('keeps an orphan child, and sessions whose parents form a loop, as runs of their own', () => {
    const assembler = new AgentLogAssembler()
    assembler.add(file('x.json', [session('orphan', 'missing', [['o1', 1]]), session('a', 'b', [['a1', 1]]), session('b', 'a', [['b1', 1]])]))
    expect(assembler.finish().runs.map((run) => run.id).sort()).toEqual(['a', 'b', 'orphan'])
  })
})
