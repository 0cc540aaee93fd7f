import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Run } from '../../records/run'
import { importAgentLogs } from './importAgentLogs'
import { claudeAssistantLine, memorySources } from '../../../test/support/memoryLogSources'

const encoder = new TextEncoder()

const validLine = fc.oneof(
  fc.record({ id: fc.constantFrom('m1', 'm2', 'm3'), output: fc.nat(1000), sidechain: fc.boolean(), requestId: fc.option(fc.constantFrom('r1', 'r2')) }).map(({ id, output, sidechain, requestId }) =>
    claudeAssistantLine({
      sessionId: 's',
      messageId: id,
      requestId: requestId ?? undefined,
      timestamp: '2026-06-01T00:00:00.000Z',
      output,
      sidechain,
      content: [{ type: 'tool_use', id: `t-${id}`, name: 'Bash', input: { command: 'npm test && git push' } }],
    }),
  ),
  fc.constant('{"timestamp":"2026-06-01T00:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":10,"cached_input_tokens":4,"output_tokens":3}}}}'),
  fc.constant('{"type":"summary","summary":"x","leafUuid":"u"}'),
)

/** Lines that are valid, cut short, replaced by random JSON, random text or random bytes. */
const corruptedLine = fc.oneof(
  validLine,
  validLine.chain((line) => fc.nat(line.length).map((cut) => line.slice(0, cut))),
  fc.json(),
  fc.constant('{"type":"assistant","timestamp":"+275760-09-13T00:00:00.000Z","message":{"id":"x","usage":{"input_tokens":1,"output_tokens":1}}}'),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'assistant', message: value, usage: value })),
  fc.jsonValue().map((value) => JSON.stringify({ type: 'event_msg', payload: { type: 'token_count', info: value } })),
  fc.string(),
)

const fileBytes = fc.oneof(
  fc.array(corruptedLine, { maxLength: 25 }).map((lines) => encoder.encode(lines.join('\n'))),
  fc.uint8Array({ maxLength: 400 }),
)

describe('importAgentLogs on random and corrupted JSONL', () => {
  it('never throws, and whatever it returns is valid runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileBytes, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), async (files, chunkSize, codexName) => {
        const named = Object.fromEntries(files.map((bytes, i) => [codexName && i === 0 ? `rollout-2026-06-01T00-00-00-${i}.jsonl` : `session-${i}.jsonl`, bytes]))
        const result = await importAgentLogs(memorySources(named, chunkSize))
        for (const run of result.runs) expect(Run.safeParse(run).success).toBe(true)
        expect(result.errors).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same result however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(corruptedLine, { maxLength: 25 }), fc.integer({ min: 1, max: 50 }), async (lines, chunkSize) => {
        const text = lines.join('\n')
        const whole = await importAgentLogs(memorySources({ 'a.jsonl': text }), { importedAt: '2026-06-02T00:00:00.000Z' })
        const chunked = await importAgentLogs(memorySources({ 'a.jsonl': text }, chunkSize), { importedAt: '2026-06-02T00:00:00.000Z' })
        expect(chunked.runs).toEqual(whole.runs)
        expect(chunked.warnings).toEqual(whole.warnings)
      }),
      { numRuns: 200 },
    )
  })
})

describe('importAgentLogs on responses split over several lines', () => {
  // One response per request: a thinking, text or tool-call line per content block, each
  // repeating the usage (growing output), sometimes with a line cut off or a bad usage object.
  const block = fc.constantFrom<unknown>(
    { type: 'thinking', thinking: 'weighing "options"\n'.repeat(20), signature: 'sig'.repeat(30) },
    { type: 'text', text: 'Done — “quoted” text with {braces} and "usage":{"x":1} inside'.repeat(5) },
    { type: 'tool_use', id: 'toolu_x', name: 'Bash', input: { command: 'npm test' } },
  )
  const response = fc.record({ blocks: fc.array(fc.tuple(block, fc.nat(5000), fc.nat(500)), { minLength: 1, maxLength: 4 }), sidechain: fc.boolean() })

  it('counts each request once, with the largest usage any of its lines carries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 6 }), async (responses) => {
        const lines: string[] = []
        let expectedOutput = 0
        let expectedCacheRead = 0
        responses.forEach((r, index) => {
          let best = { total: -1, output: 0, cacheRead: 0 }
          r.blocks.forEach(([content, output, cacheRead], line) => {
            const timestamp = new Date(Date.UTC(2026, 5, 1) + index * 60_000 + line * 1000).toISOString()
            lines.push(claudeAssistantLine({ sessionId: 's', messageId: `msg_${index}`, requestId: `req_${index}`, timestamp, output, cacheRead, sidechain: r.sidechain, content: [content] }))
            if (1 + output + cacheRead > best.total) best = { total: 1 + output + cacheRead, output, cacheRead }
          })
          expectedOutput += best.output
          expectedCacheRead += best.cacheRead
        })
        const result = await importAgentLogs(memorySources({ 'p/s.jsonl': lines.join('\n') + '\n' }, 97))
        expect(result.warnings).toEqual([])
        expect(result.runs).toHaveLength(1)
        expect(result.runs[0].requests).toBe(responses.length)
        expect(result.runs[0].tokens.output).toBe(expectedOutput)
        expect(result.runs[0].tokens.cacheRead).toBe(expectedCacheRead)
        const toolCalls = responses.some((r) => !r.sidechain && r.blocks.some(([content]) => (content as { type: string }).type === 'tool_use'))
        expect(result.runs[0].steps.length > 0).toBe(toolCalls)
      }),
      { numRuns: 150 },
    )
  })

  // Written with a space after the first key's colon, a line is no longer compact: it is parsed
  // in full (writtenCompactly), which makes the oracle for what the byte fast paths read.
  const parsedInFull = (line: string) => line.replace('":', '": ')
  const toolUse = fc.record({
    id: fc.constantFrom('toolu_1', 'toolu_2'),
    name: fc.constantFrom('Bash', 'Read', 'mcp__db__query'),
    input: fc.oneof(
      fc.constant({ command: 'npm test && git push' }),
      fc.constant({ file_path: '/home/dana/src/app/a.ts' }),
      // Inputs that hold what the fast path looks for: a usage object, a content array, a message object.
      fc.constant({ usage: { input_tokens: 99, output_tokens: 99 }, content: [{ type: 'tool_use' }], message: { id: 'x' } }),
      fc.jsonValue(),
    ),
  }).map((fields) => ({ type: 'tool_use', ...fields }))
  const anyBlock = fc.oneof(block, toolUse, fc.jsonValue())

  it('reads the split lines of a response from their bytes exactly as it reads them parsed in full', async () => {
    // The lines of one response share its envelope (sidechain flag, request id), as Claude Code writes them.
    const envelope = fc.record({ sidechain: fc.boolean(), requestId: fc.boolean() })
    const splitLine = fc.record({ request: fc.nat(3), blocks: fc.array(anyBlock, { minLength: 1, maxLength: 3 }), output: fc.nat(500), cut: fc.nat(20) })
    await fc.assert(
      fc.asyncProperty(fc.array(envelope, { minLength: 4, maxLength: 4 }), fc.array(splitLine, { minLength: 1, maxLength: 12 }), async (envelopes, split) => {
        const lines = split.map(({ request, blocks, output, cut }, i) => {
          const { sidechain, requestId } = envelopes[request]
          const timestamp = new Date(Date.UTC(2026, 5, 1) + i * 1000).toISOString()
          const line = claudeAssistantLine({ sessionId: 's', messageId: `msg_${request}`, requestId: requestId ? `req_${request}` : undefined, timestamp, output, sidechain, content: blocks })
          // Now and then a line cut off, as a crash leaves one; not right after a "}" of its
          // text, which the lines read from their bytes take for a whole record (as they always have).
          return cut === 0 ? line.slice(0, line.length >> 1).replace(/[\s}]+$/, '') : line
        })
        const fast = await importAgentLogs(memorySources({ 'p/s.jsonl': lines.join('\n') + '\n' }), { importedAt: '2026-06-02T00:00:00.000Z' })
        const full = await importAgentLogs(memorySources({ 'p/s.jsonl': lines.map(parsedInFull).join('\n') + '\n' }), { importedAt: '2026-06-02T00:00:00.000Z' })
        expect(fast.runs).toEqual(full.runs)
        expect(fast.warnings).toEqual(full.warnings)
      }),
      { numRuns: 300 },
    )
  })
})
