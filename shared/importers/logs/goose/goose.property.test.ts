import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { sqliteStoreHeader } from '../sessionLogFormat'
import { memorySources } from '../../../../test/support/memoryLogSources'

const count = fc.oneof(fc.nat(1_000_000), fc.constantFrom(null, -1, 0.5, 2 ** 64, Number.MAX_SAFE_INTEGER), fc.jsonValue())
const time = fc.oneof(fc.constantFrom('2026-03-01 09:15:00', '2025-01-10T09:30:00.412775913+00:00', 1772356500, 1e300, -1), fc.string(), fc.jsonValue())
const content = fc.oneof(
  fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('toolRequest'), id: fc.string(), toolCall: fc.oneof(fc.record({ status: fc.constant('success'), value: fc.record({ name: fc.constantFrom('developer__shell', 'developer__text_editor', 'x__y', '__', 'shell'), arguments: fc.oneof(fc.record({ command: fc.string(), path: fc.string() }), fc.jsonValue()) }) }), fc.jsonValue()) }),
      fc.jsonValue(),
    ),
    { maxLength: 4 },
  ),
  fc.jsonValue(),
)
const sessionRow = fc.record(
  { id: fc.oneof(fc.constantFrom('s1', 's2'), fc.jsonValue()), working_dir: fc.oneof(fc.string(), fc.jsonValue()), created_at: time, updated_at: time, accumulated_input_tokens: count, accumulated_output_tokens: count, accumulated_total_tokens: count, input_tokens: count, output_tokens: count, total_tokens: count, provider_name: fc.oneof(fc.string(), fc.jsonValue()), model_config_json: fc.oneof(fc.constant('{"model_name":"claude-sonnet-4-20250514"}'), fc.string(), fc.jsonValue()) },
  { requiredKeys: [] },
)
const rowLine = fc.oneof(
  sessionRow.map((row) => JSON.stringify({ query: 'session', row })),
  fc.record({ session_id: fc.constantFrom('s1', 's2'), first: time, last: time }).map((row) => JSON.stringify({ query: 'span', row })),
  fc.record({ session_id: fc.oneof(fc.constantFrom('s1', 's2'), fc.jsonValue()), created_timestamp: time, content_json: fc.oneof(content.map((value) => JSON.stringify(value)), fc.string()) }).map((row) => JSON.stringify({ query: 'toolCalls', row })),
  fc.jsonValue().map((value) => JSON.stringify({ query: 'session', row: value })),
  fc.string(),
)
const damaged = (line: fc.Arbitrary<string>) => fc.oneof(line, line.chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))))
const legacyFile = fc
  .tuple(sessionRow, fc.array(fc.record({ role: fc.constantFrom('assistant', 'user'), created: time, content }), { maxLength: 4 }))
  .map(([metadata, messages]) => [JSON.stringify({ working_dir: '/home/erin', message_count: messages.length, ...metadata }), ...messages.map((message) => JSON.stringify(message))])
const legacyLines = legacyFile.chain((lines) => fc.array(damaged(fc.constantFrom(...lines)), { minLength: 1, maxLength: 6 }).map((picked) => [lines[0], ...picked]))

describe('Goose stores and session files on random and damaged input', () => {
  it('never throw; whatever they give is valid runs, and every warning names its file and a line of it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damaged(rowLine), { maxLength: 12 }), legacyLines, fc.integer({ min: 1, max: 64 }), async (rows, legacy, chunkSize) => {
        const files = { 'sessions/sessions.db': [sqliteStoreHeader('goose'), ...rows].join('\n'), 'sessions/20250110_093000.jsonl': legacy.join('\n') }
        const result = await importAgentLogs(memorySources(files, chunkSize))
        expect(result.errors).toEqual([])
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        for (const warning of result.warnings) {
          const text = files[warning.path as keyof typeof files]
          expect(text).toBeDefined()
          expect(warning.line).toBeGreaterThanOrEqual(0)
          expect(warning.line).toBeLessThanOrEqual(text.split('\n').length)
        }
      }),
      { numRuns: 300 },
    )
  })
})
