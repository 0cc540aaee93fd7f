import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeCharge } from '../../test/support/analysisFixtures'
import { chargeOverlap } from './chargeOverlap'

const stored = [
  { ...makeCharge({ format: 'anthropic-console-cost', identity: 'a', start: '2026-03-01T00:00:00.000Z', cost: '12.50' }), batchId: 'b-console' },
  { ...makeCharge({ format: 'anthropic-console-cost', identity: 'b', start: '2026-03-02T00:00:00.000Z', cost: '3' }), batchId: 'b-console' },
]

describe('chargeOverlap', () => {
  it('counts rows the workspace already holds (same format and identity)', () => {
    const again = [makeCharge({ format: 'anthropic-console-cost', identity: 'a', start: '2026-03-01T00:00:00.000Z', cost: '12.50' })]
    expect(chargeOverlap(again, stored)).toEqual({ rows: 1, alreadyHeld: 1, sameFigures: 0, sameFiguresBatchIds: [] })
  })

  it('flags a renamed-header copy read through a column mapping: other format, same time, amount and currency', () => {
    const mapped = [
      makeCharge({ format: 'custom:console-renamed', identity: 'x1', start: '2026-03-01T00:00:00.000Z', cost: '12.5' }),
      makeCharge({ format: 'custom:console-renamed', identity: 'x2', start: '2026-03-02T00:00:00.000Z', cost: '3.00' }),
      makeCharge({ format: 'custom:console-renamed', identity: 'x3', start: '2026-03-03T00:00:00.000Z', cost: '3.00' }),
    ]
    expect(chargeOverlap(mapped, stored)).toEqual({ rows: 3, alreadyHeld: 0, sameFigures: 2, sameFiguresBatchIds: ['b-console'] })
  })

  it('a different currency or amount is not a look-alike', () => {
    const other = [makeCharge({ format: 'custom:x', identity: 'y', start: '2026-03-01T00:00:00.000Z', cost: '12.50', currency: 'EUR' }), makeCharge({ format: 'custom:x', identity: 'z', start: '2026-03-01T00:00:00.000Z', cost: '12.51' })]
    expect(chargeOverlap(other, stored).sameFigures).toBe(0)
  })

  it('never counts a row twice and never more rows than it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ identity: fc.constantFrom('a', 'b', 'c'), format: fc.constantFrom('anthropic-console-cost', 'custom:x'), cost: fc.constantFrom('12.50', '3', '7') })), (rows) => {
        const overlap = chargeOverlap(rows.map((row) => makeCharge({ ...row, start: '2026-03-01T00:00:00.000Z' })), stored)
        expect(overlap.alreadyHeld + overlap.sameFigures).toBeLessThanOrEqual(rows.length)
      }),
    )
  })
})
