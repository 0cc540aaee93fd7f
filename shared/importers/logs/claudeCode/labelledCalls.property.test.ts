import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStepLabeller, type ToolCall } from '../../../steps/labelStep'
import { labelledCall } from './labelledCalls'

// Short texts of few characters, so that calls often differ only in where their text splits between fields.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', ':'), maxLength: 2 })
const toolCall: fc.Arbitrary<ToolCall> = fc.record({ tool: fc.oneof(text, fc.constantFrom('Bash', 'SlashCommand')), command: text, paths: fc.array(text, { maxLength: 2 }) }, { requiredKeys: ['tool'] })

describe('labelledCall (property)', () => {
  it('gives what reduce and labelCall give, for any calls in any order on one labeller', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(toolCall, fc.option(text, { nil: undefined })), { maxLength: 80 }), (calls) => {
        const labeller = createStepLabeller()
        for (const [call, model] of calls) {
          const reduced = labeller.reduce(call, model)
          expect(labelledCall(labeller, call, model)).toEqual({ call: reduced, label: labeller.labelCall(reduced) })
        }
      }),
      { numRuns: 300 },
    )
  })

  it('hands out equal calls as one object', () => {
    const labeller = createStepLabeller()
    const first = labelledCall(labeller, { tool: 'Bash', command: 'npm test' }, 'claude-opus-4-6')
    expect(labelledCall(labeller, { tool: 'Bash', command: 'npm test' }, 'claude-opus-4-6')).toBe(first)
    expect(labelledCall(labeller, { tool: 'Bash', command: 'npm test' })).not.toBe(first)
  })
})
