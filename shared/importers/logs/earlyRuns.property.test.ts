import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundledPricingTable } from '../../pricing/pricingTable'
import type { Run, StepCall } from '../../records/run'
import { AgentLogAssembler } from './agentLogAssembler'
import { buildRun, type RunContext } from './buildRun'
import { ClaudeCodeLogs, type ClaudeTranscript } from './claudeCode/claudeCodeLogs'
import { NO_ID } from './claudeCode/hashedIds'
import type { AgentLogFile } from './readAgentLogFile'

// Few sessions, keys and messages, so that sessions come back after others, copies of a
// request come in other sessions with more or fewer tokens, and sidechain lines replay
// main-thread messages under other requests; sessions of up to 90 requests, so that some are
// large enough to have their runs built early (EARLY_RUN_REQUESTS).
const sessionId = fc.constantFrom('s1', 's2', 's3', 's4')
// Mostly new ids, some from a pool of six that every session shares.
const word = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
const time = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 4) })
const tokens = fc.record({ input: fc.nat(50), output: fc.nat(50), cacheWrite5m: fc.nat(50), cacheWrite1h: fc.constant(0), cacheRead: fc.nat(50), reasoning: fc.constant(0) })
const request = fc.record({
  model: fc.constantFrom('claude-opus-4-6', 'claude-haiku-4-5'),
  time,
  tokens,
  keyHigh: word,
  keyLow: fc.constant(7),
  messageHigh: word,
  messageLow: fc.constant(9),
  sidechain: fc.boolean(),
  hasRequestId: fc.boolean(),
})
const calls: StepCall[] = [{ tool: 'Bash', command: ['npm', 'test'] }, { tool: 'Edit', pathLabel: 'src' }, { tool: 'Read' }]
const step = fc.record({
  time,
  label: fc.constantFrom('test', 'edit', 'read'),
  call: fc.constantFrom(...calls),
  keyHigh: fc.oneof(word, fc.constant(NO_ID)),
  keyLow: fc.constant(3),
  requestHigh: fc.oneof(word, fc.constant(NO_ID)),
  requestLow: fc.constant(7),
})
const transcript: fc.Arbitrary<ClaudeTranscript> = fc.record({
  sessionId,
  cwd: fc.constantFrom(null, '/home/dev/work/api'),
  branch: fc.constantFrom(null, 'main'),
  requests: fc.oneof(fc.array(request, { maxLength: 5 }), fc.array(request, { minLength: 60, maxLength: 90 })),
  steps: fc.array(step, { maxLength: 3 }),
  times: fc.array(time, { maxLength: 2 }),
})

const file = (claude: ClaudeTranscript, at: number): AgentLogFile => ({ path: `p/${at}.jsonl`, format: 'claude-code', lines: 1, bytes: 1, warnings: [], error: null, claude, sessions: [], places: [] })

/** The runs as built once every file is in: each session's usage taken at the end. */
function runsBuiltAtTheEnd(transcripts: readonly ClaudeTranscript[], knownRequestKeys: ReadonlyMap<string, string>): Run[] {
  const logs = new ClaudeCodeLogs(knownRequestKeys)
  for (const read of transcripts) logs.add(read)
  const context: RunContext = { pricing: bundledPricingTable(), attribution: false, pseudonymSalt: '', folders: new Map() }
  const usage = logs.usageBySession()
  const runs = [...logs.sessions.values()].flatMap((track) => buildRun(track, usage.of(track.id), context) ?? [])
  return runs.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
}

describe('runs built while files are read (property)', () => {
  it('are the runs built once every file is in, whatever later files take, replay or add', () => {
    fc.assert(
      fc.property(fc.array(transcript, { maxLength: 12 }), fc.boolean(), (transcripts, withKnown) => {
        // A request counted by a run already in the workspace (under s2) is not counted again.
        const known = new Map(withKnown ? [['0000000100000007', 's2']] : [])
        const assembler = new AgentLogAssembler({ knownRequestKeys: known, encodeBatch: false })
        transcripts.forEach((read, at) => assembler.add(file(read, at)))
        expect(assembler.finish().runs).toEqual(runsBuiltAtTheEnd(transcripts, known))
      }),
      { numRuns: 300 },
    )
  })

  it('takes a transcript of a session that comes back after its run was built early, though it adds no request', () => {
    const at = (minute: number) => Date.UTC(2026, 0, 2, 10, minute)
    const requests = Array.from({ length: 70 }, (_, i) => ({ model: 'claude-opus-4-6', time: at(1), tokens: { input: 1, output: 1, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, reasoning: 0 }, keyHigh: i, keyLow: 1, messageHigh: i, messageLow: 2, sidechain: false, hasRequestId: true }))
    const transcripts: ClaudeTranscript[] = [
      { sessionId: 's1', cwd: null, branch: null, requests, steps: [], times: [at(1)] },
      { sessionId: 's2', cwd: null, branch: null, requests: requests.map((request) => ({ ...request, keyLow: 3 })), steps: [], times: [at(2)] },
      { sessionId: 's1', cwd: null, branch: 'main', requests: [], steps: [{ time: at(30), label: 'test', call: calls[0], keyHigh: 1, keyLow: 1, requestHigh: NO_ID, requestLow: 0 }], times: [at(30)] },
      { sessionId: 's2', cwd: null, branch: null, requests: [], steps: [], times: [] },
    ]
    const assembler = new AgentLogAssembler({ encodeBatch: false })
    transcripts.forEach((read, index) => assembler.add(file(read, index)))
    const s1 = assembler.finish().runs.find((run) => run.id === 's1')
    expect(s1).toMatchObject({ branch: 'main', end: new Date(at(30)).toISOString(), steps: ['test'], requests: 70 })
    expect(s1).toEqual(runsBuiltAtTheEnd(transcripts, new Map()).find((run) => run.id === 's1'))
  })
})
