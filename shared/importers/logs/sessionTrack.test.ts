import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callKey, memoizedCallKey } from '../../runs/packedCalls'
import type { StepCall } from '../../records/run'
import { parseTime, SessionTrack } from './sessionTrack'

const LAST_FOUR_DIGIT_YEAR = Date.UTC(9999, 11, 31, 23, 59, 59, 999)
const byDateParse = (text: string) => {
  const time = Date.parse(text)
  return time >= 0 && time <= LAST_FOUR_DIGIT_YEAR ? time : NaN
}

describe('parseTime', () => {
  it('reads canonical timestamps exactly as Date.parse does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date(LAST_FOUR_DIGIT_YEAR), noInvalidDate: true }), (date) => {
        const text = date.toISOString()
        expect(parseTime(text)).toBe(byDateParse(text))
        expect(parseTime(text)).toBe(date.getTime())
      }),
    )
  })

  it('agrees with Date.parse on near-canonical text: any digit or separator in any place', () => {
    const canonical = '2026-02-28T23:59:59.999Z'
    const edit = fc.tuple(fc.integer({ min: 0, max: canonical.length - 1 }), fc.constantFrom(...'0123456789-:.TZ x'))
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => {
        const chars = [...canonical]
        for (const [at, char] of edits) chars[at] = char
        const text = chars.join('')
        expect(parseTime(text)).toBe(byDateParse(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps Date.parse for other forms and rejects what is not a time', () => {
    for (const text of ['0099-06-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2026-02-31T00:00:00.000Z', '2026-01-07T24:00:00.000Z', '2026-01-07T12:00:00Z', '2026-01-07T12:00:00+02:00', 'soon', '']) {
      expect(parseTime(text)).toBe(byDateParse(text))
    }
    expect(parseTime(42)).toBeNaN()
  })
})

describe('SessionTrack.steps', () => {
  // Equal calls as one object and as copies (calls read on different threads are copies).
  const facts: StepCall[] = [{ tool: 'Bash', command: ['npm', 'test'] }, { tool: 'Read', pathLabel: 'src' }, { tool: 'Edit', model: 'claude-opus-4-6' }]
  const step = fc.record({ time: fc.integer({ min: 0, max: 5 }), fact: fc.integer({ min: 0, max: facts.length - 1 }), copy: fc.boolean() })

  it('gives labels and calls in time order (file order on ties), a call repeated back to back once, as the calls’ keys tell', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const track = new SessionTrack('s', 'claude-code')
        const added = steps.map(({ time, fact, copy }, i) => ({ time, label: `label ${i}`, key: null, call: copy ? { ...facts[fact] } : facts[fact] }))
        for (const one of added) track.addNewStep(one)
        const inOrder = added.map((one, i) => ({ ...one, i })).sort((a, b) => a.time - b.time || a.i - b.i)
        const calls = inOrder.map((one) => one.call).filter((call, i, all) => i === 0 || callKey(call) !== callKey(all[i - 1]))
        expect(track.steps(memoizedCallKey())).toEqual({ labels: inOrder.map((one) => one.label), calls })
        expect(track.steps(callKey)).toEqual({ labels: inOrder.map((one) => one.label), calls })
      }),
    )
  })
})
