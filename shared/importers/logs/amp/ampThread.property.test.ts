import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'

const PATH = 'threads/T-0d6a2f4e-1111-4c3b-8a9d-5e6f7a8b9c0d.json'

const count = fc.oneof(fc.nat(100_000), fc.constantFrom(-1, 1.5, 2 ** 64, 1e999, Number.MAX_SAFE_INTEGER), fc.jsonValue())
const usage = fc.record(
  { model: fc.oneof(fc.constant('claude-sonnet-4-5-20250929'), fc.jsonValue()), inputTokens: count, outputTokens: count, cacheReadInputTokens: count, totalTokens: count, timestamp: fc.oneof(fc.constant('2026-02-12T08:20:00.000Z'), fc.string(), fc.jsonValue()) },
  { requiredKeys: [] },
)
const block = fc.oneof(
  fc.record({ type: fc.constant('tool_use'), id: fc.string(), name: fc.constantFrom('Bash', 'edit_file', 'Read', 'Task'), input: fc.oneof(fc.record({ cmd: fc.string(), path: fc.string() }), fc.jsonValue()) }),
  fc.jsonValue(),
)
const message = fc.oneof(
  fc.record({ role: fc.constantFrom('assistant', 'user', 'info'), messageId: fc.oneof(fc.nat(20), fc.jsonValue()), content: fc.oneof(fc.array(block, { maxLength: 4 }), fc.jsonValue()), usage }),
  fc.jsonValue(),
)
const ledgerEvent = fc.record({ id: fc.string(), timestamp: fc.constant('2025-11-07T08:00:10.000Z'), model: fc.constant('gpt-5-mini'), tokens: fc.oneof(fc.record({ input: count, output: count, total: count }), fc.jsonValue()), toMessageId: fc.oneof(fc.nat(20), fc.jsonValue()) })
const thread = fc.record(
  {
    id: fc.oneof(fc.constant('T-0d6a2f4e-1111-4c3b-8a9d-5e6f7a8b9c0d'), fc.jsonValue()),
    created: fc.oneof(fc.nat(), fc.jsonValue()),
    messages: fc.oneof(fc.array(message, { maxLength: 6 }), fc.jsonValue()),
    usageLedger: fc.oneof(fc.record({ events: fc.oneof(fc.array(ledgerEvent, { maxLength: 4 }), fc.jsonValue()) }), fc.jsonValue()),
    env: fc.oneof(fc.record({ initial: fc.record({ trees: fc.array(fc.record({ uri: fc.oneof(fc.constant('file:///a/%E0%A4%A'), fc.string(), fc.jsonValue()) }), { maxLength: 2 }) }) }), fc.jsonValue()),
  },
  { requiredKeys: [] },
)
/** A thread written pretty or on one line, then maybe cut short, or replaced by random text or bytes. */
const fileContent = fc.oneof(
  fc.tuple(thread, fc.boolean()).map(([value, pretty]) => JSON.stringify(value, null, pretty ? 2 : undefined)),
  fc.tuple(thread, fc.boolean()).chain(([value, pretty]) => {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined)
    return fc.nat(text.length).map((cut) => text.slice(0, cut))
  }),
  fc.string(),
  fc.uint8Array({ maxLength: 300 }),
)

describe('Amp threads on random and damaged input', () => {
  it('never throws; whatever it returns is valid runs, and every warning names the file and a line of it', async () => {
    await fc.assert(
      fc.asyncProperty(fileContent, fc.integer({ min: 1, max: 64 }), async (content, chunkSize) => {
        const result = await importAgentLogs(memorySources({ [PATH]: content }, chunkSize))
        expect(result.errors).toEqual([])
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
        const lines = text.split('\n').length
        for (const warning of result.warnings) {
          expect(warning.path).toBe(PATH)
          expect(warning.line).toBeGreaterThanOrEqual(0)
          expect(warning.line).toBeLessThanOrEqual(lines)
        }
        if (text.trim() && !parses(text)) expect(result.warnings.some((warning) => warning.line > 0)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
