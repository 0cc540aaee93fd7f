import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import { expectLineWarnings } from '../../../../test/support/lineWarnings'

const PATH = 'session-state/7c1e0000-0000-4000-8000-0000000000c2/events.jsonl'
const count = fc.oneof(fc.nat(2_000_000), fc.constantFrom(-1, 1e300, 2 ** 64, 0.5, Number.MAX_SAFE_INTEGER), fc.jsonValue())

const validLine = fc.oneof(
  fc.constant('{"type":"session.start","data":{"sessionId":"s","version":1,"producer":"copilot-agent","copilotVersion":"0.0.354","startTime":"2026-05-01T10:00:00.000Z","context":{"cwd":"/home/a/r","branch":"main"}},"id":"e0","timestamp":"2026-05-01T10:00:00.000Z","parentId":null}'),
  fc.record({ id: fc.constantFrom('e1', 'e2', 'e3'), input: count, output: count, read: count, requests: count, model: fc.constantFrom('claude-sonnet-4.5', 'gemini-2.5-pro', 'x') }).map(({ id, input, output, read, requests, model }) =>
    JSON.stringify({ type: 'session.shutdown', data: { modelMetrics: { [model]: { requests: { count: requests }, usage: { inputTokens: input, outputTokens: output, cacheReadTokens: read } } } }, id, timestamp: '2026-05-01T10:05:00.000Z', parentId: 'e0' }),
  ),
  fc.constantFrom('bash', 'edit', 'task', 'view').map((toolName) => JSON.stringify({ type: 'tool.execution_start', data: { toolCallId: 't', toolName, arguments: { command: 'npm test', path: 'a.ts' } }, id: 'e9', timestamp: '2026-05-01T10:01:00.000Z', parentId: null })),
)

/** Lines that are valid, cut short, or replaced by random JSON (in Copilot's envelope or not) or text. */
const line = fc.oneof(
  validLine,
  validLine.chain((valid) => fc.nat(valid.length).map((cut) => valid.slice(0, cut))),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'session.shutdown', data: value, id: 'e4', timestamp: '2026-05-01T10:06:00.000Z' })),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'session.shutdown', data: { modelMetrics: { m: value } }, id: 'e5', timestamp: value })),
  fc.json(),
  fc.string(),
)

describe('Copilot CLI events on random and broken input', () => {
  it('never throws; every run is valid and every line it cannot use is a warning naming the file and line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), async (lines, chunkSize) => {
        const result = await importAgentLogs(memorySources({ [PATH]: lines.join('\n') }, chunkSize))
        expect(result.errors).toEqual([])
        for (const run of result.runs) {
          expect(Run.safeParse(run).success).toBe(true)
          expect(run.tool).toBe('copilot-cli')
        }
        expectLineWarnings(result.warnings, PATH, lines.join('\n'))
      }),
      { numRuns: 300 },
    )
  })
})
