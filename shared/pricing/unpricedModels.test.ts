import { describe, expect, it } from 'vitest'
import { makeRun } from '../../test/support/analysisFixtures'
import type { TokenCounts } from '../records/common'
import { emptyTokenCounts } from '../records/tokenCounts'
import { formatUnpriced, summarizeUnpriced, unpricedHeadline } from './unpricedModels'

const tokens = (input: number, output: number): TokenCounts => ({ ...emptyTokenCounts(), input, output })
const usage = (model: string, priced: boolean, t: TokenCounts) => ({ model, tokens: t, costUSD: priced ? '0.5' : '0', priced })

describe('summarizeUnpriced', () => {
  const runs = [
    makeRun({ id: 'a', byModel: [usage('claude-sonnet-4-5', true, tokens(10, 10)), usage('mystery-1', false, tokens(100, 20))] }),
    makeRun({ id: 'b', byModel: [usage('mystery-1', false, tokens(50, 5)), usage('mystery-2', false, tokens(7, 3))] }),
    makeRun({ id: 'c', byModel: [usage('gpt-5', true, tokens(1, 1))] }),
    makeRun({ id: 'd', byModel: [usage('mystery-2', false, tokens(1, 0))] }),
  ]

  it('counts runs and the unpriced models tokens only, most-used model first', () => {
    expect(summarizeUnpriced(runs)).toEqual({
      runs: 3,
      models: [
        { model: 'mystery-1', runs: 2, tokens: tokens(150, 25) },
        { model: 'mystery-2', runs: 2, tokens: tokens(8, 3) },
      ],
    })
    expect(summarizeUnpriced([runs[2]])).toEqual({ runs: 0, models: [] })
  })

  it('words the headline and the command-line lines', () => {
    expect(unpricedHeadline(summarizeUnpriced(runs))).toBe('3 runs on 2 models have no price')
    expect(unpricedHeadline(summarizeUnpriced([runs[3]]))).toBe('1 run on 1 model has no price')
    expect(unpricedHeadline({ runs: 12_345, models: summarizeUnpriced(runs).models }, 'en-US')).toBe('12,345 runs on 2 models have no price')
    expect(formatUnpriced(summarizeUnpriced([runs[3]]))).toEqual([
      'Warning: 1 run on 1 model has no price; their cost is counted as 0. Add prices in Settings › Pricing, or import with --pricing FILE.',
      '  mystery-2  1 run  1 tokens (input 1, output 0, cache write 0, cache read 0)',
    ])
    expect(formatUnpriced(summarizeUnpriced([]))).toEqual([])
  })
})
