import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeHighCostThreshold, highCostThreshold, isHighCost } from './highCostThreshold'

const runs = (...costs: string[]) => costs.map((costUSD) => ({ costUSD }))

describe('highCostThreshold', () => {
  it("is relative by default: a team whose costliest run is $2.41 still sees it", () => {
    const threshold = highCostThreshold(runs('0.10', '2.41', '0.30', '1.00'), { highCostThresholdUSD: '5' })
    expect(threshold).toEqual({ rule: 'top-5%', amountUSD: '2.41' })
    expect(runs('0.10', '2.41', '0.30', '1.00').filter((run) => isHighCost(run, threshold))).toEqual([{ costUSD: '2.41' }])
    expect(describeHighCostThreshold(threshold, 'en-US')).toBe('the top 5% of its runs: $2.41 and above')
  })

  it('keeps the top 5% of forty runs: two', () => {
    const costs = Array.from({ length: 40 }, (_, i) => `${i + 1}.00`)
    const threshold = highCostThreshold(runs(...costs), { highCostThresholdUSD: '5', highCostRule: 'top-5%' })
    expect(runs(...costs).filter((run) => isHighCost(run, threshold)).map((run) => run.costUSD)).toEqual(['39.00', '40.00'])
  })

  it('never counts unpriced runs, and says so when none has a cost', () => {
    const threshold = highCostThreshold(runs('0', '0'), { highCostThresholdUSD: '5' })
    expect(threshold.amountUSD).toBeNull()
    expect(isHighCost({ costUSD: '0' }, threshold)).toBe(false)
    expect(describeHighCostThreshold(threshold)).toContain('none has a cost yet')
  })

  it('the fixed rule keeps the team amount, strictly above it', () => {
    const threshold = highCostThreshold(runs('9'), { highCostThresholdUSD: '5', highCostRule: 'fixed' })
    expect(threshold).toEqual({ rule: 'fixed', amountUSD: '5' })
    expect(isHighCost({ costUSD: '5' }, threshold)).toBe(false)
    expect(isHighCost({ costUSD: '5.01' }, threshold)).toBe(true)
    expect(describeHighCostThreshold(threshold, 'en-US')).toBe("above the team's fixed $5.00")
  })

  it('over random costs, the relative rule picks at least one run with a cost and at most 5% plus ties', () => {
    const cost = fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2))
    fc.assert(
      fc.property(fc.array(cost, { minLength: 1, maxLength: 200 }), (costs) => {
        const all = runs(...costs)
        const threshold = highCostThreshold(all, { highCostThresholdUSD: '5' })
        const high = all.filter((run) => isHighCost(run, threshold))
        const priced = costs.filter((c) => Number(c) > 0)
        if (priced.length === 0) {
          expect(high).toEqual([])
        } else {
          expect(high.length).toBeGreaterThanOrEqual(1)
          const strictlyAbove = high.filter((run) => run.costUSD !== threshold.amountUSD).length
          expect(strictlyAbove).toBeLessThanOrEqual(Math.ceil(priced.length / 20))
        }
      }),
    )
  })
})
