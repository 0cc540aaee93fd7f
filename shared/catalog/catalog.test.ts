import { describe, expect, it } from 'vitest'
import { mineRecipes } from '../mining/mineRecipes'
import { Recipe } from '../records/recipe'
import { recipeMatch, repeatableWorkflowShare, runFollowsRecipe } from './followsRecipe'
import { deprecateRecipe, mergeCandidateIntoRecipe, promoteCandidate, PROVENANCE_RUN_SAMPLE, reviseRecipe } from './recipeCatalog'
import { recipeStats } from './recipeStats'

const AT = '2026-10-02T10:00:00.000Z'
const TRIAGE = { key: 'logs>read>edit>test>doc', steps: ['logs', 'read', 'edit', 'test', 'doc'], runs: ['r2', 'r1', 'r3'] }

function promoted(): Recipe {
  const result = promoteCandidate(TRIAGE, { id: 'rc-triage', name: ' Incident triage ', description: 'logs to postmortem', reviewId: 'rv-q3', at: AT, maxGap: 1 })
  if (!result.ok) throw new Error(result.error.message)
  return result.recipe
}

describe('the recipe catalog', () => {
  it('promotes a candidate into a valid recipe with provenance', () => {
    const recipe = promoted()
    expect(Recipe.parse(recipe)).toEqual(recipe)
    expect(recipe).toMatchObject({
      id: 'rc-triage',
      name: 'Incident triage',
      status: 'promoted',
      version: 1,
      steps: TRIAGE.steps,
      maxGap: 1,
      provenance: { minedFromRuns: ['r1', 'r2', 'r3'], minedFromRunCount: 3, reviewId: 'rv-q3', promotedAt: AT },
    })
    expect(recipe.history).toHaveLength(1)
  })

  it('refuses a recipe without a name', () => {
    expect(promoteCandidate(TRIAGE, { id: 'x', name: '  ', description: '', reviewId: null, at: AT, maxGap: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('samples the provenance of a very common candidate but keeps the count', () => {
    const runs = Array.from({ length: PROVENANCE_RUN_SAMPLE + 50 }, (_, i) => `run-${String(i).padStart(4, '0')}`)
    const result = promoteCandidate({ ...TRIAGE, runs }, { id: 'x', name: 'Big', description: '', reviewId: null, at: AT, maxGap: 1 })
    expect(result.ok && result.recipe.provenance.minedFromRuns).toHaveLength(PROVENANCE_RUN_SAMPLE)
    expect(result.ok && result.recipe.provenance.minedFromRunCount).toBe(PROVENANCE_RUN_SAMPLE + 50)
  })

  it('merges a candidate into a recipe as a new version', () => {
    const variant = { key: 'logs>search>edit>test>doc', steps: ['logs', 'search', 'edit', 'test', 'doc'], runs: ['r3', 'r9'] }
    const result = mergeCandidateIntoRecipe(promoted(), variant, { adoptSteps: false, reviewId: 'rv-q4', at: AT, note: 'same triage, search first' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.recipe.version).toBe(2)
    expect(result.recipe.steps).toEqual(TRIAGE.steps)
    expect(result.recipe.history.map((v) => [v.version, v.note])).toEqual([
      [1, 'promoted from mined pattern logs>read>edit>test>doc'],
      [2, 'same triage, search first'],
    ])
    expect(result.recipe.provenance).toMatchObject({ minedFromRuns: ['r1', 'r2', 'r3', 'r9'], minedFromRunCount: 4, reviewId: 'rv-q4' })
    expect(result.recipe.mergedFrom).toEqual(['logs>search>edit>test>doc'])

    const adopted = mergeCandidateIntoRecipe(result.recipe, variant, { adoptSteps: true, reviewId: null, at: AT, note: '' })
    expect(adopted.ok && adopted.recipe.steps).toEqual(variant.steps)
    expect(adopted.ok && adopted.recipe.mergedFrom).toEqual(['logs>search>edit>test>doc'])
  })

  it('versions a rename or new steps, but not a description edit', () => {
    const described = reviseRecipe(promoted(), { description: 'from alert to postmortem' }, { at: AT, note: '' })
    expect(described.ok && described.recipe).toMatchObject({ version: 1, description: 'from alert to postmortem' })
    const renamed = reviseRecipe(promoted(), { name: 'On-call triage' }, { at: AT, note: 'clearer name' })
    expect(renamed.ok && renamed.recipe).toMatchObject({ version: 2, name: 'On-call triage', steps: TRIAGE.steps })
    expect(renamed.ok && renamed.recipe.history[1]).toEqual({ version: 2, steps: TRIAGE.steps, name: 'On-call triage', at: AT, note: 'clearer name' })
    expect(reviseRecipe(promoted(), { steps: [] }, { at: AT, note: '' })).toMatchObject({ ok: false, error: { code: 'invalid' } })
  })

  it('deprecates once, and merges nothing into a deprecated recipe', () => {
    const result = deprecateRecipe(promoted(), { at: AT, note: 'replaced by the on-call runbook' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.recipe).toMatchObject({ status: 'deprecated', version: 2 })
    expect(deprecateRecipe(result.recipe, { at: AT, note: '' })).toMatchObject({ ok: false, error: { code: 'already-deprecated' } })
    expect(mergeCandidateIntoRecipe(result.recipe, TRIAGE, { adoptSteps: false, reviewId: null, at: AT, note: '' })).toMatchObject({ ok: false, error: { code: 'deprecated' } })
  })
})

describe('runFollowsRecipe', () => {
  const run = (steps: string[], costUSD = '1') => ({ id: steps.join('-'), steps, costUSD })

  it('matches in order within the gap the recipe was mined with', () => {
    const recipe = promoted()
    expect(runFollowsRecipe(run(['plan', 'logs', 'read', 'edit', 'test', 'doc']), recipe)).toBe(true)
    expect(recipeMatch(run(['logs', 'shell', 'read', 'edit', 'test', 'git', 'doc']), recipe)).toEqual([0, 2, 3, 4, 6])
    expect(runFollowsRecipe(run(['logs', 'shell', 'web', 'read', 'edit', 'test', 'doc']), recipe)).toBe(false)
    expect(runFollowsRecipe(run(['read', 'logs', 'edit', 'test', 'doc']), recipe)).toBe(false)
  })

  it('asks only for the order when a recipe has no gap (written by hand)', () => {
    const { maxGap: _gap, ...handWritten } = promoted()
    expect(runFollowsRecipe(run(['logs', 'shell', 'web', 'read', 'edit', 'test', 'doc']), handWritten)).toBe(true)
  })

  it('computes the repeatable-workflow share over promoted recipes only', () => {
    const recipe = promoted()
    const runs = [run(['logs', 'read', 'edit', 'test', 'doc'], '2.50'), run(['edit', 'test'], '0.25'), run(['logs', 'read', 'edit', 'test', 'doc', 'git'], '1.25')]
    expect(repeatableWorkflowShare(runs, [recipe])).toEqual({ runs: 2, totalRuns: 3, share: 2 / 3, costUSD: '3.75', totalCostUSD: '4.00' })
    const deprecated = deprecateRecipe(recipe, { at: AT, note: '' })
    expect(deprecated.ok && repeatableWorkflowShare(runs, [deprecated.recipe]).runs).toBe(0)
  })

  it('computes live statistics', () => {
    const runs = [run(['logs', 'read', 'edit', 'test', 'doc'], '2'), run(['edit', 'test'], '5'), run(['logs', 'read', 'edit', 'test', 'doc', 'git'], '4')]
    expect(recipeStats(promoted(), runs, { isAnnotated: (id) => id.endsWith('git'), portfolioOf: () => 'pf-incidents' })).toEqual({
      runs: 2,
      share: 2 / 3,
      costUSD: { median: '3', p90: '4', total: '6' },
      annotatedRuns: 1,
      portfolios: [{ portfolioId: 'pf-incidents', runs: 2 }],
    })
  })

  it('follows a promoted recipe in every run of the exact form it was mined from, and not in the other workflow', () => {
    const runs = [
      ...[[], [], ['search'], ['subagent']].map((extra) => run(['logs', 'read', ...extra, 'shell', 'edit', 'test', 'doc'], '1')),
      ...[[], ['search'], []].map((extra) => run(['plan', 'read', ...extra, 'web', 'edit', 'git'], '1')),
      run(['plan', 'edit'], '1'),
    ]
    const mined = mineRecipes(runs, { minSupportShare: 0 })
    expect(mined.candidates).toHaveLength(2)
    for (const candidate of mined.candidates) {
      const promotedRecipe = promoteCandidate(candidate, { id: 'rc', name: 'Triage', description: '', reviewId: null, at: AT, maxGap: candidate.maxGap })
      if (!promotedRecipe.ok) throw new Error(promotedRecipe.error.message)
      const following = runs.filter((r) => runFollowsRecipe(r, promotedRecipe.recipe)).map((r) => r.id)
      // Every run of the candidate's exact form, and nothing from outside the candidate.
      expect(following.length).toBeGreaterThanOrEqual(candidate.exactRuns)
      expect(candidate.runs).toEqual(expect.arrayContaining(following))
    }
  })
})
