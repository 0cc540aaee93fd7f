import { describe, expect, it } from 'vitest'
import { makeInput, makeRun } from '../../test/support/analysisFixtures'
import { choosePeriod } from './choosePeriod'

describe('choosePeriod', () => {
  const asOf = '2026-08-15'
  it('is the current quarter when it has data, or when there is no data at all', () => {
    expect(choosePeriod(makeInput({ asOf, runs: [makeRun({ id: 'a', start: '2026-07-02T00:00:00.000Z' })] })).period.key).toBe('2026-Q3')
    expect(choosePeriod(makeInput({ asOf })).source).toBe('current')
  })

  it('falls back to the latest quarter with data', () => {
    const input = makeInput({ asOf, runs: [makeRun({ id: 'a', start: '2026-02-02T00:00:00.000Z' }), makeRun({ id: 'b', start: '2026-05-02T00:00:00.000Z' })] })
    expect(choosePeriod(input)).toMatchObject({ period: { key: '2026-Q2' }, source: 'latest-with-data' })
  })

  it('follows the fiscal year', () => {
    const input = makeInput({ asOf, settings: { ...makeInput().settings, fiscalYearStartMonth: 4 } })
    expect(choosePeriod(input).period.key).toBe('2026-Q2')
  })
})
