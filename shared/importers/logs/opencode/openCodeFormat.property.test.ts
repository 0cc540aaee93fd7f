import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importAgentLogs } from '../importAgentLogs'
import { sqliteStoreHeader } from '../sessionLogFormat'
import { memorySources } from '../../../../test/support/memoryLogSources'
import { MAX_REQUEST_TOKENS } from '../tokenCounts'

const DB = '/h/.local/share/opencode/opencode.db'
const KILO = '/h/.local/share/kilo/kilo.db'
const FILE = '/h/.local/share/opencode/storage/session/message/ses_a/msg_1.json'

const count = fc.oneof(fc.nat(100_000), fc.constantFrom<unknown>(-5, 1e999, 18446744073709551617, 1.5, '12', null, NaN))
const messageData = fc
  .record({ role: fc.constantFrom('assistant', 'user', 7), created: fc.oneof(fc.nat(), fc.constant(1780300001000)), input: count, output: count, reasoning: count, read: count, total: count })
  .map((m) => ({ role: m.role, time: { created: m.created }, modelID: 'claude-sonnet-4-5', providerID: 'anthropic', tokens: { input: m.input, output: m.output, reasoning: m.reasoning, total: m.total, cache: { read: m.read } } }))
const validRow = fc.oneof(
  fc.record({ id: fc.constantFrom('msg_1', 'msg_2'), session_id: fc.constantFrom('ses_a', 'ses_b'), data: messageData.map((d) => JSON.stringify(d)) }).map((row) => JSON.stringify({ query: 'message', row })),
  fc.record({ id: fc.constantFrom('ses_a', 'ses_b'), parent_id: fc.constantFrom(null, 'ses_a', 'ses_b'), directory: fc.constant('/r'), time_created: count }).map((row) => JSON.stringify({ query: 'session', row })),
  fc.record({ id: fc.string(), message_id: fc.constant('msg_1'), session_id: fc.constant('ses_a'), data: fc.jsonValue().map((state) => JSON.stringify({ type: 'tool', tool: 'bash', state })) }).map((row) => JSON.stringify({ query: 'part', row })),
)
const brokenRow = fc.oneof(
  validRow.chain((line) => fc.nat(line.length).map((cut) => line.slice(0, cut))),
  fc.jsonValue().map((value) => JSON.stringify({ query: 'message', row: { id: 'msg_9', session_id: 'ses_a', data: value } })),
  fc.jsonValue().map((row) => JSON.stringify({ query: 'part', row })),
  fc.json(),
  fc.string(),
)

async function importChecked(files: Record<string, string>) {
  const result = await importAgentLogs(memorySources(files, 17))
  const lines = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.split('\n').length]))
  for (const issue of [...result.warnings, ...result.errors]) {
    expect(Object.keys(files)).toContain(issue.path)
    expect(issue.line).toBeGreaterThanOrEqual(0)
    expect(issue.line).toBeLessThanOrEqual(lines[issue.path])
  }
  // Damaged counts are refused, never priced: every total stays a whole number within what the rows could hold.
  for (const run of result.runs) for (const value of Object.values(run.tokens)) expect(Number.isSafeInteger(value) && value >= 0 && value <= 3 * 20 * MAX_REQUEST_TOKENS).toBe(true)
  return result
}

describe('OpenCode and Kilo readers on random and broken input', () => {
  it('never throw on store rows; bad rows become warnings naming the file and line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(validRow, brokenRow), { maxLength: 20 }), fc.boolean(), async (rows, kilo) => {
        await importChecked({ [kilo ? KILO : DB]: [sqliteStoreHeader(kilo ? 'kilo' : 'opencode'), ...rows].join('\n') })
      }),
      { numRuns: 150 },
    )
  })

  it('never throw on a storage/ file, whole, cut off or garbage', async () => {
    const file = fc.oneof(
      messageData.map((data) => JSON.stringify({ id: 'msg_1', sessionID: 'ses_a', ...data }, null, 2)),
      messageData.chain((data) => {
        const text = JSON.stringify(data, null, 2)
        return fc.nat(text.length).map((cut) => text.slice(0, cut))
      }),
      fc.jsonValue().map((value) => JSON.stringify(value, null, 2)),
      // The first message shape, its metadata and inline parts of any shape.
      fc.record({
        metadata: fc.jsonValue(),
        parts: fc.oneof(fc.jsonValue(), fc.array(fc.record({ type: fc.constant('tool-invocation'), toolInvocation: fc.record({ toolName: fc.jsonValue(), toolCallId: fc.jsonValue(), args: fc.jsonValue() }) }))),
        assistant: fc.jsonValue(),
      }).map(({ metadata, parts, assistant }) =>
        JSON.stringify({ id: 'msg_1', role: 'assistant', parts, metadata: typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? { ...metadata, assistant } : metadata }, null, 2),
      ),
      fc.string(),
    )
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const result = await importChecked({ [FILE]: text })
        expect(result.runs.length).toBeLessThanOrEqual(1)
      }),
      { numRuns: 150 },
    )
  })
})
