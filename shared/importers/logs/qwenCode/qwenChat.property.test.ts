import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'

const PATH = 'projects/-home-p/chats/6f1c0000-0000-4000-8000-000000000001.jsonl'
const encoder = new TextEncoder()

const usage = fc.record(
  {
    promptTokenCount: fc.nat(50_000),
    cachedContentTokenCount: fc.nat(50_000),
    candidatesTokenCount: fc.nat(5_000),
    thoughtsTokenCount: fc.nat(5_000),
    totalTokenCount: fc.nat(120_000),
  },
  { requiredKeys: [] },
)

/** An assistant record as Qwen Code writes it; uuids repeat, as a record written twice does. */
const assistant = fc.record({ uuid: fc.constantFrom('u1', 'u2', 'u3', 'u4'), usage, command: fc.constantFrom('pnpm vitest run', 'git push origin main', 'ls') }).map(({ uuid, usage, command }) =>
  JSON.stringify({
    uuid,
    parentUuid: null,
    sessionId: 's',
    timestamp: '2026-11-03T09:00:00.000Z',
    type: 'assistant',
    cwd: '/home/p',
    model: 'qwen3-coder-plus',
    message: { role: 'model', parts: [{ functionCall: { id: `call-${uuid}`, name: 'run_shell_command', args: { command } } }] },
    usageMetadata: usage,
  }),
)

const corruptedLine = fc.oneof(
  assistant,
  assistant.chain((line) => fc.nat(line.length).map((cut) => line.slice(0, cut))),
  fc.jsonValue().map((value) => JSON.stringify({ uuid: 'x', sessionId: 's', type: 'assistant', timestamp: '2026-11-03T09:00:00.000Z', usageMetadata: value, message: value, model: value })),
  fc.jsonValue().map((value) => JSON.stringify({ sessionId: value, type: 'system', subtype: 'parent_session', systemPayload: { parentSessionId: value }, forkedFrom: value })),
  fc.constant('{"uuid":"big","sessionId":"s","type":"assistant","timestamp":"2026-11-03T09:00:00.000Z","usageMetadata":{"promptTokenCount":18446744073709551617}}'),
  fc.json(),
  fc.string(),
)

describe('Qwen Code chats on random and broken input', () => {
  it('never throws; a bad line is a warning naming the file and a line of it; runs are valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(corruptedLine, { maxLength: 25 }), fc.integer({ min: 1, max: 64 }), async (lines, chunkSize) => {
        const result = await importAgentLogs(memorySources({ [PATH]: encoder.encode(lines.join('\n')) }, chunkSize))
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        expect(result.errors).toEqual([])
        for (const warning of result.warnings) {
          expect(warning.path).toBe(PATH)
          expect(warning.line).toBeGreaterThanOrEqual(0)
          expect(warning.line).toBeLessThanOrEqual(lines.length)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('counts each record once however often it was written, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(assistant, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), async (lines, chunkSize) => {
        const result = await importAgentLogs(memorySources({ [PATH]: lines.join('\n') }, chunkSize))
        const first = new Map<string, Record<string, number>>()
        for (const line of lines) {
          const record = JSON.parse(line)
          if (!first.has(record.uuid)) first.set(record.uuid, record.usageMetadata)
        }
        const expectedCacheRead = [...first.values()].reduce((total, counts) => total + (counts.cachedContentTokenCount ?? 0), 0)
        const counted = [...first.values()].filter((counts) => (counts.promptTokenCount ?? 0) + (counts.cachedContentTokenCount ?? 0) + (counts.candidatesTokenCount ?? 0) + (counts.thoughtsTokenCount ?? 0) + (counts.totalTokenCount ?? 0) > 0)
        expect(result.runs.reduce((total, run) => total + run.tokens.cacheRead, 0)).toBe(expectedCacheRead)
        expect(result.runs.reduce((total, run) => total + run.requests, 0)).toBe(counted.length)
      }),
      { numRuns: 200 },
    )
  })
})
