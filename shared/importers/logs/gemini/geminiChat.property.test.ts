import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../../records/run'
import { importAgentLogs } from '../importAgentLogs'
import { memorySources } from '../../../../test/support/memoryLogSources'
import { expectLineWarnings } from '../../../../test/support/lineWarnings'

const JSONL = 'tmp/shop/chats/session-2026-05-14T10-02-7e4f0000.jsonl'
const JSON_FILE = 'tmp/0a1b/chats/session-2025-11-20T09-15-7e4f0000.json'
const metadata = '{"sessionId":"7e4f0000","projectHash":"ab12","startTime":"2026-05-14T10:00:00.000Z","lastUpdated":"2026-05-14T10:00:00.000Z"}'
const count = fc.oneof(fc.nat(2_000_000), fc.constantFrom(-1, 1e300, 2 ** 64, 0.5), fc.jsonValue())

const message = fc
  .record({ id: fc.constantFrom('g1', 'g2', 'g3'), input: count, output: count, cached: count, thoughts: count, total: count, model: fc.option(fc.constantFrom('gemini-2.5-pro', 'gemini-2.5-flash', 'x')) })
  .map(({ id, model, ...tokens }) => JSON.stringify({ id, timestamp: '2026-05-14T10:01:00.000Z', type: 'gemini', content: '', ...(model ? { model } : {}), tokens, toolCalls: [{ id: `t-${id}`, name: 'run_shell_command', args: { command: 'npm test' } }] }))

const validLine = fc.oneof(fc.constant(metadata), message, fc.constant('{"$rewindTo":"g1"}'), fc.constant('{"$set":{"lastUpdated":"2026-05-14T11:00:00.000Z"}}'))

/** Lines that are valid, cut short, or replaced by random JSON (as a message or not) or text. */
const line = fc.oneof(
  validLine,
  validLine.chain((valid) => fc.nat(valid.length).map((cut) => valid.slice(0, cut))),
  fc.jsonValue().map((value) => JSON.stringify({ id: 'g4', type: 'gemini', tokens: value, toolCalls: value, timestamp: value, model: value })),
  fc.jsonValue().map((value) => JSON.stringify({ $set: value })),
  fc.json(),
  fc.string(),
)

describe('Gemini CLI recordings on random and broken input', () => {
  it('never throws; every run is valid; a cut-off line is a warning naming the file and line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), async (lines, chunkSize) => {
        const text = [metadata, ...lines].join('\n')
        const result = await importAgentLogs(memorySources({ [JSONL]: text }, chunkSize))
        expect(result.errors).toEqual([])
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        expectLineWarnings(result.warnings, JSONL, text)
      }),
      { numRuns: 300 },
    )
  })

  it('a whole-JSON session file cut short or damaged is a warning naming the line where it breaks, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 4 }), fc.nat(), fc.integer({ min: 1, max: 64 }), async (messages, cut, chunkSize) => {
        const document = JSON.stringify({ sessionId: '7e4f0000', projectHash: 'ab12', messages: messages.map((m) => JSON.parse(m)) }, null, 2)
        const text = document.slice(0, cut % (document.length + 1))
        const result = await importAgentLogs(memorySources({ [JSON_FILE]: text }, chunkSize))
        expect(result.errors).toEqual([])
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        // A broken document is named at the line where its JSON breaks.
        if (!valid && text.trim() !== '') expect(result.warnings.some((warning) => warning.path === JSON_FILE && warning.line >= 1 && /JSON/.test(warning.message))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
