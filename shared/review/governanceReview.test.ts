import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { definitionInForce } from '../analysis/definitionsInForce'
import { parsePeriod } from '../analysis/periods'
import { makePortfolio, rule } from '../../test/support/analysisFixtures'
import type { PortfolioDecision } from '../records/review'
import { Governance } from '../workspace/governance'
import { LOCAL_EDIT } from '../workspace/origins'
import { applyReviewAction, closeReview, createReview, decideRecipe } from './governanceReview'

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

describe('closing a review applies its decisions', () => {
  const envelope = (amount: string) => ({ amount, currency: 'USD', period: 'quarter' as const, rollover: false })
  const shown = {
    coverage: [{ label: 'Runs imported', value: '3' }],
    scorecards: [],
    highCostQueue: [],
    highCostNotes: [{ runId: 'r9', costUSD: '80', portfolioId: 'web', start: '2026-08-01T09:00:00.000Z', repo: 'acme/web', branch: 'main', valueCategory: 'saved-time' as const, evidence: [{ kind: 'pr' as const, ref: 'acme/web#12' }], text: 'Paid off' }],
    candidates: [{ key: 'read>edit', steps: ['read', 'edit'], support: 3, supportShare: 1, costUSD: { median: '2', p90: '3', total: '6' }, annotatedRuns: 0, portfolios: [{ portfolioId: 'web', runs: 3 }], variants: 1 }],
    names: { web: 'Web work' },
  }

  function decided(...decisions: PortfolioDecision[]): Governance {
    const governance = atRecipeStage()
    governance.portfolios.put(makePortfolio({ id: 'web', name: 'Web work', envelope: envelope('150'), rules: [rule('w1', 'runs', [{ field: 'repo', values: ['acme/web'] }])] }), 'setup')
    governance.portfolios.put(makePortfolio({ id: 'ops', name: 'Ops', envelope: envelope('100'), rules: [rule('o1', 'runs', [{ field: 'repo', values: ['acme/ops'] }])] }), 'setup')
    applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ana')
    for (const decision of decisions) expect(applyReviewAction(governance, 'rv-q3', { type: 'decidePortfolio', decision }, 'ana').ok).toBe(true)
    applyReviewAction(governance, 'rv-q3', { type: 'advance' }, 'ana')
    return governance
  }
  const grow: PortfolioDecision = { portfolioId: 'web', decision: 'grow', nextEnvelope: { amount: '260', currency: 'USD' }, note: 'worth it' }

  it('sets next quarter\'s envelope, dated from Q4 and linked to the review, leaving Q3 as it was', () => {
    const governance = decided(grow, { portfolioId: 'ops', decision: 'keep', nextEnvelope: null, note: '', nextStatus: 'scaling' })
    const closed = closeReview(governance, 'rv-q3', 'ana', AT, shown)
    expect(closed.ok).toBe(true)
    expect(governance.portfolios.get('web')!.envelope.amount).toBe('260')
    expect(governance.portfolios.get('ops')!.status).toBe('scaling')
    const changes = governance.portfolioChanges.list().records
    expect(changes).toHaveLength(2)
    for (const change of changes) expect(change).toMatchObject({ by: 'ana', effectiveFrom: '2026-Q4', source: { reviewId: 'rv-q3', decidedFor: '2026-Q3' } })
    expect(governance.reviews.get('rv-q3')).toMatchObject({ status: 'closed', applied: { effectiveFrom: '2026-Q4', changeIds: expect.arrayContaining(changes.map((c) => c.id)) } })
    const webIn = (period: string) => definitionInForce(governance.portfolios.get('web')!, changes, parsePeriod(period, 1), 1)!.envelope.amount
    expect([webIn('2026-Q3'), webIn('2026-Q4')]).toEqual(['150', '260'])
  })

  it('keeps a snapshot of what the review showed', () => {
    const governance = decided(grow)
    closeReview(governance, 'rv-q3', 'ana', AT, shown)
    expect(governance.reviews.get('rv-q3')!.snapshot).toEqual({ takenAt: AT, ...shown })
  })

  it('keeps the outcome notes as they read at close, even when what was shown lags the typing', () => {
    const governance = decided(grow)
    governance.annotations.text('r9').insert(0, 'Paid off twice over')
    governance.annotations.setCategory('r9', 'shipped-fix')
    closeReview(governance, 'rv-q3', 'ana', AT, shown)
    expect(governance.reviews.get('rv-q3')!.snapshot!.highCostNotes).toEqual([{ ...shown.highCostNotes[0], text: 'Paid off twice over', valueCategory: 'shipped-fix', evidence: [] }])
  })

  it('one undo takes back the close and every change it made', () => {
    const governance = decided(grow, { portfolioId: 'ops', decision: 'split', nextEnvelope: null, note: '', splitInto: [{ name: 'Ops new', ruleIds: ['o1'], amount: '10' }] })
    const undo = new Y.UndoManager([governance.portfolios.map, governance.portfolioChanges.map, governance.reviews.map], { trackedOrigins: new Set([LOCAL_EDIT]) })
    expect(closeReview(governance, 'rv-q3', 'ana', AT, shown).ok).toBe(true)
    expect(governance.portfolios.has('ops-ops-new')).toBe(true)
    undo.undo()
    expect(governance.portfolios.get('web')!.envelope.amount).toBe('150')
    expect(governance.portfolios.has('ops-ops-new')).toBe(false)
    expect(governance.portfolioChanges.list().records).toEqual([])
    expect(governance.reviews.get('rv-q3')!.status).toBe('active')
  })

  it('writes nothing when a decision cannot be applied, and only the facilitator closes', () => {
    const governance = decided(grow)
    governance.portfolios.delete('web', 'setup')
    let transactions = 0
    governance.doc.on('afterTransaction', () => transactions++)
    expect(closeReview(governance, 'rv-q3', 'ana', AT, shown)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('no longer exists') } })
    expect(closeReview(governance, 'rv-q3', 'ben', AT, shown)).toMatchObject({ ok: false, error: { code: 'not-facilitator' } })
    expect(governance.reviews.get('rv-q3')!.status).toBe('active')
    expect(governance.portfolioChanges.list().records).toEqual([])
    expect(transactions).toBe(2)
  })
})
