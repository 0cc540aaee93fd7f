import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClaudeTranscript } from './claudeCodeLogs'
import { packTranscripts, unpackTranscripts } from './packedTranscripts'
import { NO_ID } from './hashedIds'

const count = fc.oneof(fc.nat(), fc.constant(0), fc.integer({ min: 0, max: 100_000_000 }))
const time = fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constantFrom(NaN, Infinity, -Infinity))
// Any text, the empty string and the separator-looking characters included.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\u0000', '-1'))
// Hashed ids are two unsigned 32-bit words; a step's absent ones NO_ID.
const word = fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }))
const tokens = fc.record({ input: count, output: count, cacheWrite5m: count, cacheWrite1h: count, cacheRead: count, reasoning: count })
const request = fc.record({ model: text, time, tokens, keyHigh: word, keyLow: word, messageHigh: word, messageLow: word, sidechain: fc.boolean(), hasRequestId: fc.boolean() })
const call = fc.record({ tool: text, command: fc.array(text, { maxLength: 4 }), pathLabel: text, model: text }, { requiredKeys: ['tool'] })
const optionalId = fc.oneof(fc.tuple(word, word), fc.constant([NO_ID, 0] as const))
const step = fc
  .record({ time, label: text, call, key: optionalId, request: optionalId })
  .map(({ time, label, call, key, request }) => ({ time, label, call, keyHigh: key[0], keyLow: key[1], requestHigh: request[0], requestLow: request[1] }))
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

  it('keeps a call object that steps share as one object, and calls that are only equal apart (property)', () => {
    fc.assert(
      fc.property(fc.array(transcript, { minLength: 1, maxLength: 4 }), fc.array(call, { minLength: 1, maxLength: 3 }), (transcripts, pool) => {
        // Steps use calls of a small pool (as labelledCall hands them out), plus an equal copy of the first.
        transcripts.forEach((read, t) => read.steps.forEach((step, i) => (step.call = i % 4 === 3 ? structuredClone(pool[0]) : pool[(t + i) % pool.length])))
        const unpacked = unpackTranscripts(packTranscripts(transcripts)) as ClaudeTranscript[]
        expect(unpacked).toEqual(transcripts)
        const steps = transcripts.flatMap((read) => read.steps)
        const unpackedSteps = unpacked.flatMap((read) => read.steps)
        for (let i = 0; i < steps.length; i++) for (let j = 0; j < steps.length; j++) expect(unpackedSteps[i].call === unpackedSteps[j].call).toBe(steps[i].call === steps[j].call)
      }),
      { numRuns: 200 },
    )
  })

  it('passes what structured cloning would between threads', () => {
    const packed = packTranscripts([null, { sessionId: 's', cwd: null, branch: 'main', requests: [], steps: [], times: [1, 2] }])
    expect(unpackTranscripts(structuredClone(packed))).toEqual(unpackTranscripts(packed))
  })
})
