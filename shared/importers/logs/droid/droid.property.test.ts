import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'

const ID = 'de1a0000-0000-4000-8000-000000000001'
const TRANSCRIPT = `sessions/-home-p/${ID}.jsonl`
const SETTINGS = `sessions/-home-p/${ID}.settings.json`
const encoder = new TextEncoder()

const count = fc.oneof(fc.nat(2_000_000), fc.constant(-1), fc.constant(1e300), fc.constant(18446744073709551617), fc.constant('12'), fc.constant(null))
const settings = fc
  .record(
    {
      model: fc.oneof(fc.constantFrom('claude-sonnet-4-5-20250929', 'custom:GLM-4.6-[Fireworks]-0', ''), fc.jsonValue()),
      providerLock: fc.oneof(fc.constantFrom('anthropic', 'openai', 'generic-chat-completion-api'), fc.jsonValue()),
      providerLockTimestamp: fc.oneof(fc.constant('2026-11-10T10:00:00.000Z'), fc.string(), fc.jsonValue()),
      tokenUsage: fc.oneof(
        fc.record({ inputTokens: count, outputTokens: count, cacheCreationTokens: count, cacheReadTokens: count, thinkingTokens: count, totalTokens: count }, { requiredKeys: [] }),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value, null, 2))

/** A settings document whole, cut short, or replaced by random text. */
const settingsText = fc.oneof(settings, settings.chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))), fc.string())

const transcriptLine = fc.oneof(
  fc.constant(JSON.stringify({ type: 'session_start', id: ID, cwd: '/home/p', version: 2 })),
  fc.constantFrom('pnpm test', 'git push', 'ls').map((command) =>
    JSON.stringify({ type: 'message', id: 'm', timestamp: '2026-11-10T10:00:00.000Z', message: { role: 'assistant', content: [{ type: 'tool_use', id: `t-${command}`, name: 'Execute', input: { command } }] } }),
  ),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'message', timestamp: value, message: { role: 'assistant', content: value } })),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'session_start', id: value, cwd: value, callingSessionId: value })),
  fc.json(),
  fc.string(),
)

describe('Factory Droid files on random and broken input', () => {
  it('never throws; a problem is a warning naming its file and a line of it; runs are valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(transcriptLine, { maxLength: 20 }), settingsText, fc.integer({ min: 1, max: 64 }), async (lines, settingsDocument, chunkSize) => {
        const transcript = lines.join('\n')
        const result = await importAgentLogs(memorySources({ [TRANSCRIPT]: encoder.encode(transcript), [SETTINGS]: encoder.encode(settingsDocument) }, chunkSize))
        for (const run of result.runs) {
          expect(Run.safeParse(run).success).toBe(true)
          expect((run.usage ?? []).every((group) => group.contextAbove === 0)).toBe(true)
        }
        expect(result.errors).toEqual([])
        const lineCount: Record<string, number> = { [TRANSCRIPT]: lines.length, [SETTINGS]: settingsDocument.split('\n').length }
        for (const warning of result.warnings) {
          expect(Object.keys(lineCount)).toContain(warning.path)
          expect(warning.line).toBeGreaterThanOrEqual(0)
          expect(warning.line).toBeLessThanOrEqual(lineCount[warning.path])
        }
      }),
      { numRuns: 300 },
    )
  })
})
