import { describe, expect, it } from 'vitest'
import { analyze, summarizePortfolio, summarizeUnassigned } from '../analyze'
import { parsePeriod } from '../periods'
import { makeInput, makePortfolio, makeRecipe, makeRun, rule } from '../../../test/support/analysisFixtures'

/**
 * A hand-computed example. Q3 2026 as of 14 July: 14 days elapsed, two weeks.
 *   r1 1 Jul  acme/web  actor A  12.00  logs, edit, test        follows the promoted recipe, high-cost
 *   r2 2 Jul  acme/web  actor B   2.00  edit
 *   r3 8 Jul  acme/api  actor A   6.00  logs, read, edit, test  follows the recipe (gaps allowed), high-cost, annotated
 *   r4 9 Jul  acme/api  (none)    0.50  doc
 *   u1 3 Jul  globex    actor C   9.00  -                       unassigned, high-cost
 */
const portfolio = makePortfolio({ id: 'p', status: 'scaling', expectedHighCostUSD: '10', rules: [rule('acme', 'runs', [{ field: 'repo', values: ['acme/*'] }])] })
const input = makeInput({
  asOf: '2026-07-14',
  portfolios: [portfolio],
  recipes: [
    makeRecipe({ id: 'fix', steps: ['logs', 'edit', 'test'] }),
    makeRecipe({ id: 'old', steps: ['edit'], status: 'deprecated' }),
    makeRecipe({ id: 'maybe', steps: ['doc'], status: 'candidate' }),
  ],
  runs: [
    makeRun({ id: 'r1', start: '2026-07-01T09:00:00.000Z', repo: 'acme/web', actor: 'A', costUSD: '12.00', steps: ['logs', 'edit', 'test'] }),
    makeRun({ id: 'r2', start: '2026-07-02T09:00:00.000Z', repo: 'acme/web', actor: 'B', costUSD: '2.00', steps: ['edit'] }),
    makeRun({ id: 'r3', start: '2026-07-08T09:00:00.000Z', repo: 'acme/api', actor: 'A', costUSD: '6.00', steps: ['logs', 'read', 'edit', 'test'] }),
    makeRun({ id: 'r4', start: '2026-07-09T09:00:00.000Z', repo: 'acme/api', actor: null, costUSD: '0.50', steps: ['doc'] }),
    makeRun({ id: 'u1', start: '2026-07-03T09:00:00.000Z', repo: 'globex/app', actor: 'C', costUSD: '9.00' }),
  ],
  annotatedRunIds: new Set(['r3', 'u1']),
})
const analysis = analyze(input)
const q3 = parsePeriod('2026-Q3', 1)
const summary = summarizePortfolio(analysis, portfolio, q3)

describe('thesis metrics', () => {
  it('adoption: runs per week, distinct repos and contributors as counts, stage', () => {
    const { weekly, ...adoption } = summary.metrics.adoption
    expect(adoption).toEqual({ stage: 'scaling', runs: 4, runsPerWeek: 2, distinctRepos: 2, distinctContributors: 2 })
    expect(weekly).toEqual([
      { week: '2026-06-29', runs: 2, repos: 1, contributors: 2 },
      { week: '2026-07-06', runs: 2, repos: 1, contributors: 1 },
    ])
    expect(JSON.stringify(summary.metrics.adoption)).not.toMatch(/"A"|"B"/)
  })

  it('repeatable workflows: share of runs and spend following a promoted recipe', () => {
    expect(summary.metrics.recipeShare).toEqual({ promotedRecipes: 1, followingRuns: 2, runs: 0.5, spend: 18 / 20.5 })
  })

  it('is zero until recipes are promoted', () => {
    const without = summarizePortfolio(analyze({ ...input, recipes: [] }), portfolio, q3)
    expect(without.metrics.recipeShare).toEqual({ promotedRecipes: 0, followingRuns: 0, runs: 0, spend: 0 })
  })

  it('legitimacy of high-cost runs above the fixed threshold: count, in a portfolio that expects them, annotated, and the note queue', () => {
    const fixed = { ...input, settings: { ...input.settings, highCostRule: 'fixed' as const, highCostThresholdUSD: '5' } }
    const fixedSummary = summarizePortfolio(analyze(fixed), portfolio, q3)
    expect(fixedSummary.metrics.highCost).toEqual({ threshold: { rule: 'fixed', amountUSD: '5' }, count: 2, inPortfolio: 2, annotated: 1, unannotatedRunIds: ['r1'] })
    const noExpectation = { ...portfolio, expectedHighCostUSD: null }
    const unexpected = summarizePortfolio(analyze({ ...fixed, portfolios: [noExpectation] }), noExpectation, q3)
    expect(unexpected.metrics.highCost.inPortfolio).toBe(0)
    const untagged = { ...portfolio, outcomeTags: [] }
    expect(summarizePortfolio(analyze({ ...fixed, portfolios: [untagged] }), untagged, q3).metrics.highCost.inPortfolio).toBe(0)
    expect(summarizeUnassigned(analyze(fixed), q3).highCost).toMatchObject({ count: 1, inPortfolio: 0, annotated: 1 })
  })

  it('by default each portfolio is judged against its own runs: its top 5%', () => {
    // Four runs: 5% of them rounds up to one, the costliest, r1 at 12.00; the unassigned bucket's only run is its top.
    expect(summary.metrics.highCost).toEqual({ threshold: { rule: 'top-5%', amountUSD: '12.00' }, count: 1, inPortfolio: 1, annotated: 0, unannotatedRunIds: ['r1'] })
    expect(summarizeUnassigned(analysis, q3).highCost).toMatchObject({ threshold: { rule: 'top-5%', amountUSD: '9.00' }, count: 1 })
  })

  it('counts runs and log-estimated spend per portfolio, and the rest as Unassigned', () => {
    expect(summary.runs).toBe(4)
    expect(summary.budget.spend).toEqual({ USD: '20.50' })
    expect(summary.spendByBasis).toEqual({ billed: {}, allocated: {}, estimated: { USD: '20.50' } })
    expect(summarizeUnassigned(analysis, q3)).toMatchObject({ runs: 1, charges: 0, spend: { USD: '9.00' } })
  })
})
