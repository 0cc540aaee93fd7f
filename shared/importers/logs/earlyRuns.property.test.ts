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
// main-thread messages under other requests.
const sessionId = fc.constantFrom('s1', 's2', 's3', 's4')
const word = fc.integer({ min: 0, max: 5 })
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
  requests: fc.array(request, { maxLength: 5 }),
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
      { numRuns: 500 },
    )
  })
})
