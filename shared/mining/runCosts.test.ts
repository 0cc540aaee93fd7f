import { describe, expect, it } from 'vitest'
import { RunCosts } from './runCosts'

describe('RunCosts', () => {
  it('summarizes any subset exactly, whatever the scales of the inputs', () => {
    const costs = new RunCosts(['0.5', '12', '3.25', '-0.75', '7.125'])
    expect(costs.summarize([0, 1, 2, 3, 4])).toEqual({ median: '3.25', p90: '12', total: '22.125' })
    expect(costs.summarize([3, 0])).toEqual({ median: '-0.125', p90: '0.5', total: '-0.25' })
    expect(costs.summarize([])).toEqual({ median: '0', p90: '0', total: '0' })
    expect(costs.share([1])).toBeCloseTo(12 / 22.125)
  })

  it('falls back to bigints when doubles could lose a digit (30 fractional digits)', () => {
    const costs = new RunCosts(['0.000000000000000000000000000001', '1', '2'])
    expect(costs.summarize([0, 1])).toEqual({ median: '0.5000000000000000000000000000005', p90: '1', total: '1.000000000000000000000000000001' })
    expect(costs.summarize([0, 1, 2])).toMatchObject({ median: '1', p90: '2' })
  })
})
