import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { importAgentLogs } from '../importAgentLogs'
import { claudeAssistantLine, memorySources } from '../../../../test/support/memoryLogSources'
import { withoutThinkingText } from './thinkingText'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

// Text with what makes the byte patterns hard: quotes, backslashes, control characters,
// unicode, and the thinking block's own keys (written inside a string, they are escaped).
const tricky = fc.constantFrom('"', '\\', '\\"', '\n', '\t', '\u0000', 'é', '—', '😀', '\ud800', '"type":"thinking","thinking":"', '","signature":"', '{"type":"thinking"}', '}', 'a')
const text = fc.oneof(fc.string(), fc.string({ unit: tricky }), fc.string({ unit: 'binary' }))
const thinkingBlock = fc.record({ type: fc.constant('thinking'), thinking: text, signature: text }, { requiredKeys: ['type', 'thinking'] })
// Other values a line may hold before or after the block: nested objects, tool inputs that look like one.
const other = fc.oneof(
  text,
  fc.record({ type: fc.constantFrom('text', 'thinking', 'tool_use'), text, input: fc.dictionary(text, text, { maxKeys: 2 }) }, { requiredKeys: ['type'] }),
  fc.jsonValue({ maxDepth: 2 }),
)
const line = fc.record({ before: fc.array(other, { maxLength: 2 }), block: thinkingBlock, after: fc.array(other, { maxLength: 2 }), output: fc.nat(1000), envelope: fc.dictionary(fc.string(), other, { maxKeys: 2 }) }).map(
  ({ before, block, after, output, envelope }) =>
    JSON.stringify({ ...envelope, type: 'assistant', sessionId: 's', requestId: 'req_1', timestamp: '2026-05-01T00:01:00.000Z', message: { id: 'msg_1', model: 'claude-opus-4-6', content: [...before, block, ...after], usage: { input_tokens: 1, output_tokens: output } } }),
)
/** A line as written or broken: cut, another line run into it, one byte changed, one put in. */
const writtenOrBroken = fc.tuple(line, line, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('as written', 'cut', 'run into', 'byte changed', 'byte put in')).map(([first, second, at, byte, how]) => {
  const bytes = encoder.encode(first)
  const i = at % bytes.length
  if (how === 'cut') return bytes.subarray(0, i)
  if (how === 'run into') return new Uint8Array([...bytes.subarray(0, i), ...encoder.encode(second)])
  if (how === 'byte changed') return bytes.with(i, byte)
  if (how === 'byte put in') return new Uint8Array([...bytes.subarray(0, i), byte, ...bytes.subarray(i)])
  return bytes
})

const parsed = (bytes: Uint8Array): { value: unknown } | 'not JSON' => {
  try {
    return { value: JSON.parse(decoder.decode(bytes)) }
  } catch {
    return 'not JSON'
  }
}

/** The value with the `thinking` and `signature` strings of every thinking block emptied. */
function withThinkingEmptied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withThinkingEmptied)
  if (value === null || typeof value !== 'object') return value
  const object = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withThinkingEmptied(field)]))
  if (object.type !== 'thinking') return object
  for (const key of ['thinking', 'signature']) if (typeof object[key] === 'string') object[key] = ''
  return object
}

describe('withoutThinkingText (property)', () => {
  it('gives a line that JSON.parse reads as the full line, only thinking text and signatures emptied, or fails on as it does', () => {
    fc.assert(
      fc.property(writtenOrBroken, (bytes) => {
        const full = parsed(bytes)
        const without = withoutThinkingText(bytes)
        if (without === null) return
        const fast = parsed(without)
        if (full === 'not JSON' || fast === 'not JSON') expect(fast).toBe(full)
        else expect(withThinkingEmptied(fast.value)).toEqual(withThinkingEmptied(full.value))
      }),
      { numRuns: 2000 },
    )
  })

  it('takes the text out of a thinking line as Claude Code writes it, and leaves lines without a thinking block', () => {
    const thinking = claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', requestId: 'req_1', timestamp: '2026-05-01T00:01:00.000Z', output: 5, content: [{ type: 'thinking', thinking: 'Let me "look"\n'.repeat(50), signature: 'EqQBCkYIBxgC' }] })
    const without = withoutThinkingText(encoder.encode(thinking))
    expect(without && decoder.decode(without)).toBe(thinking.replace(/"thinking":"[^]*?","signature":"EqQBCkYIBxgC"/, '"thinking":"","signature":""'))
    // The pattern found from a quote that is escaped: the end of a key `x"type`, not a thinking block.
    expect(withoutThinkingText(encoder.encode(JSON.stringify({ 'x"type': 'thinking', thinking: 'kept' })))).toBeNull()
    expect(withoutThinkingText(encoder.encode(claudeAssistantLine({ sessionId: 's', messageId: 'msg_1', timestamp: '2026-05-01T00:01:00.000Z', output: 5 })))).toBeNull()
  })

  it('leaves an import as it is without it: runs and warnings of files of written and broken lines', async () => {
    vi.resetModules()
    vi.doMock('./thinkingText', () => ({ withoutThinkingText: () => null }))
    const { importAgentLogs: importParsingInFull } = (await import('../importAgentLogs')) as { importAgentLogs: typeof importAgentLogs }
    vi.doUnmock('./thinkingText')
    await fc.assert(
      fc.asyncProperty(fc.array(writtenOrBroken, { minLength: 1, maxLength: 6 }), async (lines) => {
        const file = { 's.jsonl': new Uint8Array(lines.flatMap((bytes) => [...bytes, 10])) }
        const importedAt = '2026-05-02T00:00:00.000Z'
        expect(await importAgentLogs(memorySources(file), { importedAt })).toEqual(await importParsingInFull(memorySources(file), { importedAt }))
      }),
      { numRuns: 300 },
    )
  })
})
