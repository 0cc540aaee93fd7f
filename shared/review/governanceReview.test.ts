import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Governance } from '../workspace/governance'
import { applyReviewAction, createReview, decideRecipe } from './governanceReview'

const AT = '2026-10-05T09:00:00.000Z'
const TRIAGE = { key: 'logs>read>edit>test>doc', steps: ['logs', 'read', 'edit', 'test', 'doc'], runs: ['r1', 'r2', 'r3'] }

function atRecipeStage(): Governance {
  const governance = new Governance(new Y.Doc())
  createReview(governance, { id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: AT })
  for (let i = 0; i < 3; i++) applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ana')
  return governance
}

describe('the review in the governance document', () => {
  it('applies actions in one transaction and writes nothing when refused', () => {
    const governance = atRecipeStage()
    let transactions = 0
    governance.doc.on('afterTransaction', () => transactions++)
    expect(applyReviewAction(governance, 'rv-q3', { type: 'requestMoveOn' }, 'ben').ok).toBe(true)
    expect(transactions).toBe(1)
    expect(applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ben')).toMatchObject({ ok: false, error: { code: 'not-facilitator' } })
    expect(governance.reviews.get('rv-q3')).toMatchObject({ stage: 'recipes', moveOnRequests: ['ben'] })
    expect(applyReviewAction(governance, 'nope', { type: 'join' }, 'ben')).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('promotes a candidate into the catalog and records the decision together', () => {
    const governance = atRecipeStage()
    const result = decideRecipe(
      governance,
      'rv-q3',
      { action: 'promote', candidate: TRIAGE, recipeId: 'rc-triage', name: 'Incident triage', description: 'logs to postmortem', maxGap: 1 },
      'ben',
      AT,
    )
    expect(result.ok).toBe(true)
    expect(governance.recipes.get('rc-triage')).toMatchObject({ status: 'promoted', provenance: { reviewId: 'rv-q3', minedFromRuns: ['r1', 'r2', 'r3'] } })
    expect(governance.reviews.get('rv-q3')!.recipeDecisions).toEqual([
      { candidateKey: TRIAGE.key, steps: TRIAGE.steps, action: 'promote', recipeId: 'rc-triage', reason: '' },
    ])
  })

  it('merges into an existing recipe, and changes neither side when the catalog refuses', () => {
    const governance = atRecipeStage()
    decideRecipe(governance, 'rv-q3', { action: 'promote', candidate: TRIAGE, recipeId: 'rc-triage', name: 'Incident triage', description: '', maxGap: 1 }, 'ben', AT)
    const variant = { key: 'logs>search>edit>test>doc', steps: ['logs', 'search', 'edit', 'test', 'doc'], runs: ['r4'] }
    const merged = decideRecipe(governance, 'rv-q3', { action: 'merge', candidate: variant, recipeId: 'rc-triage', adoptSteps: false, reason: 'same workflow' }, 'cy', AT)
    expect(merged.ok && merged.recipe).toMatchObject({ version: 2, mergedFrom: [variant.key] })

    const other = { key: 'web>read>doc', steps: ['web', 'read', 'doc'], runs: ['r5'] }
    const missing = decideRecipe(governance, 'rv-q3', { action: 'merge', candidate: other, recipeId: 'rc-none', adoptSteps: false, reason: 'x' }, 'cy', AT)
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const taken = decideRecipe(governance, 'rv-q3', { action: 'promote', candidate: other, recipeId: 'rc-triage', name: 'Docs', description: '', maxGap: 1 }, 'cy', AT)
    expect(taken).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(governance.reviews.get('rv-q3')!.recipeDecisions.map((d) => d.candidateKey)).toEqual([TRIAGE.key, variant.key])
    expect(governance.recipes.get('rc-triage')!.version).toBe(2)
  })

  it('records a rejection with its reason and leaves the catalog alone', () => {
    const governance = atRecipeStage()
    const generic = { key: 'edit>test', steps: ['edit', 'test'], runs: ['r1'] }
    expect(decideRecipe(governance, 'rv-q3', { action: 'reject', candidate: generic, reason: '' }, 'ben', AT)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(decideRecipe(governance, 'rv-q3', { action: 'reject', candidate: generic, reason: 'says nothing' }, 'ben', AT)).toMatchObject({ ok: true, recipe: null })
    expect(governance.recipes.list().records).toEqual([])
    expect(governance.reviews.get('rv-q3')!.recipeDecisions[0]).toMatchObject({ action: 'reject', reason: 'says nothing' })
  })
})
