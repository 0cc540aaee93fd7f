import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClaudeTranscript } from './claudeCodeLogs'
import { packTranscripts, unpackTranscripts } from './packedTranscripts'

const count = fc.oneof(fc.nat(), fc.constant(0), fc.integer({ min: 0, max: 100_000_000 }))
const time = fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constantFrom(NaN, Infinity, -Infinity))
// Any text, the empty string and the separator-looking characters included.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\u0000', '-1'))
const tokens = fc.record({ input: count, output: count, cacheWrite5m: count, cacheWrite1h: count, cacheRead: count, reasoning: count })
const request = fc.record({ model: text, time, tokens, key: text, message: text, sidechain: fc.boolean(), hasRequestId: fc.boolean() })
const call = fc.record({ tool: text, command: fc.array(text, { maxLength: 4 }), pathLabel: text, model: text }, { requiredKeys: ['tool'] })
const step = fc.record({ time, label: text, key: fc.option(text), request: fc.option(text), call })
const transcript: fc.Arbitrary<ClaudeTranscript> = fc.record({
  sessionId: fc.option(text),
  cwd: fc.option(text),
  branch: fc.option(text),
  requests: fc.array(request, { maxLength: 6 }),
  steps: fc.array(step, { maxLength: 6 }),
  times: fc.array(time, { maxLength: 4 }),
})

describe('packed transcripts (property)', () => {
  it('unpack gives back what was packed, file by file (null for a file without a transcript)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(transcript), { maxLength: 8 }), (transcripts) => {
        const unpacked = unpackTranscripts(packTranscripts(transcripts))
        expect(unpacked).toEqual(transcripts)
        // Same key order as the reader builds them: stored calls are compared by their JSON.
        expect(JSON.stringify(unpacked)).toBe(JSON.stringify(transcripts))
      }),
      { numRuns: 300 },
    )
  })

  it('passes what structured cloning would between threads', () => {
    const packed = packTranscripts([null, { sessionId: 's', cwd: null, branch: 'main', requests: [], steps: [], times: [1, 2] }])
    expect(unpackTranscripts(structuredClone(packed))).toEqual(unpackTranscripts(packed))
  })
})
