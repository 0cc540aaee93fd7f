import { describe, expect, it } from 'vitest'
import { Review, type PortfolioDecision } from '../records/review'
import type { ReviewAction } from './reviewActions'
import { reviewReducer, startReview } from './reviewReducer'

const AT = '2026-10-05T09:00:00.000Z'

/** Applies actions in order, failing the test on the first refusal. */
function run(review: Review, ...steps: [ReviewAction, string][]): Review {
  return steps.reduce((current, [action, actor]) => {
    const result = reviewReducer(current, action, actor)
    if (!result.ok) throw new Error(`${action.type} by ${actor}: ${result.error.code}`)
    return result.review
  }, review)
}

function errorOf(review: Review, action: ReviewAction, actor: string): string | null {
  const result = reviewReducer(review, action, actor)
  return result.ok ? null : result.error.code
}

const fresh = () => startReview({ id: 'rv-q3', period: '2026-Q3', facilitator: 'ana', at: AT, voteBudget: 2 })
const advance = (times: number): [ReviewAction, string][] => Array.from({ length: times }, () => [{ type: 'advance' }, 'ana'])
const recipesVote = (subject: string) => ({ subject, stage: 'recipes' })
const decisionsVote = (subject: string) => ({ subject, stage: 'decisions' })
const keep: PortfolioDecision = { portfolioId: 'pf-refactor', decision: 'grow', nextEnvelope: { amount: '12000.00', currency: 'USD' }, note: 'tests caught 3 regressions' }

describe('reviewReducer', () => {
  it('starts at check-in, active, with the facilitator as first participant', () => {
    const review = fresh()
    expect(Review.parse(review)).toEqual(review)
    expect(review).toMatchObject({ stage: 'check-in', status: 'active', facilitator: 'ana', participants: ['ana'], voteBudget: 2 })
  })

  it('walks the six stages forward and back, only at the facilitator’s hand', () => {
    const stages = [fresh()]
    for (let i = 0; i < 5; i++) stages.push(run(stages[i], [{ type: 'advance' }, 'ana']))
    expect(stages.map((r) => r.stage)).toEqual(['check-in', 'scorecards', 'high-cost', 'recipes', 'decisions', 'summary'])
    expect(errorOf(stages[5], { type: 'advance' }, 'ana')).toBe('no-next-stage')
    expect(errorOf(stages[0], { type: 'goBack' }, 'ana')).toBe('no-previous-stage')
    expect(run(stages[3], [{ type: 'goBack' }, 'ana']).stage).toBe('high-cost')
    expect(errorOf(stages[0], { type: 'advance' }, 'ben')).toBe('not-facilitator')
    expect(errorOf(stages[2], { type: 'goBack' }, 'ben')).toBe('not-facilitator')
  })

  it('lets anyone suggest moving on, once, and clears suggestions when the stage changes', () => {
    const asked = run(fresh(), [{ type: 'requestMoveOn' }, 'ben'], [{ type: 'requestMoveOn' }, 'cy'], [{ type: 'requestMoveOn' }, 'ben'])
    expect(asked.moveOnRequests).toEqual(['ben', 'cy'])
    expect(asked.participants).toEqual(['ana', 'ben', 'cy'])
    expect(run(asked, [{ type: 'withdrawMoveOn' }, 'cy']).moveOnRequests).toEqual(['ben'])
    expect(run(asked, [{ type: 'advance' }, 'ana']).moveOnRequests).toEqual([])
  })

  it('pauses and resumes; a paused review accepts nothing else but a hand-over', () => {
    const paused = run(fresh(), ...advance(2), [{ type: 'pause' }, 'ana'])
    expect(paused.status).toBe('paused')
    expect(errorOf(paused, { type: 'advance' }, 'ana')).toBe('paused')
    expect(errorOf(paused, { type: 'requestMoveOn' }, 'ben')).toBe('paused')
    expect(errorOf(paused, { type: 'resume' }, 'ben')).toBe('not-facilitator')
    expect(errorOf(fresh(), { type: 'resume' }, 'ana')).toBe('not-paused')
    const resumed = run(paused, [{ type: 'handOver', to: 'ben' }, 'ana'], [{ type: 'resume' }, 'ben'])
    expect(resumed).toMatchObject({ status: 'active', stage: 'high-cost', facilitator: 'ben' })
    expect(errorOf(resumed, { type: 'advance' }, 'ana')).toBe('not-facilitator')
  })

  it('hands facilitation over to someone else only', () => {
    expect(errorOf(fresh(), { type: 'handOver', to: 'ana' }, 'ana')).toBe('invalid')
    expect(errorOf(fresh(), { type: 'handOver', to: 'cy' }, 'ben')).toBe('not-facilitator')
    expect(run(fresh(), [{ type: 'handOver', to: 'cy' }, 'ana']).participants).toEqual(['ana', 'cy'])
    // When the facilitator has left, anyone can take over, even while the review is paused.
    const taken = run(fresh(), [{ type: 'pause' }, 'ana'], [{ type: 'takeOver' }, 'ben'])
    expect(taken.facilitator).toBe('ben')
    expect(run(taken, [{ type: 'resume' }, 'ben']).status).toBe('active')
    expect(errorOf(fresh(), { type: 'takeOver' }, 'ana')).toBe('invalid')
  })

  it('limits votes to the budget, one per subject, at the recipe and decision stages', () => {
    expect(errorOf(fresh(), { type: 'vote', subject: 'pf-refactor' }, 'ben')).toBe('wrong-stage')
    const decisions = run(fresh(), ...advance(4))
    const voted = run(decisions, [{ type: 'vote', subject: 'pf-refactor' }, 'ben'], [{ type: 'vote', subject: 'pf-docs' }, 'ben'], [{ type: 'vote', subject: 'pf-refactor' }, 'cy'])
    expect(voted.votes).toEqual({ ben: [decisionsVote('pf-refactor'), decisionsVote('pf-docs')], cy: [decisionsVote('pf-refactor')] })
    expect(errorOf(voted, { type: 'vote', subject: 'pf-refactor' }, 'cy')).toBe('already-voted')
    expect(errorOf(voted, { type: 'unvote', subject: 'pf-incidents' }, 'cy')).toBe('not-voted')
    const moved = run(voted, [{ type: 'unvote', subject: 'pf-docs' }, 'ben'], [{ type: 'vote', subject: 'pf-incidents' }, 'ben'])
    expect(moved.votes.ben).toEqual([decisionsVote('pf-refactor'), decisionsVote('pf-incidents')])
  })

  it('gives each voting stage its own budget: a spent recipe budget leaves the decisions budget whole', () => {
    const recipes = run(fresh(), ...advance(3))
    const spent = run(recipes, [{ type: 'vote', subject: 'edit>test' }, 'ben'], [{ type: 'vote', subject: 'plan>edit' }, 'ben'])
    const refused = reviewReducer(spent, { type: 'vote', subject: 'logs>read' }, 'ben')
    expect(refused).toEqual({ ok: false, error: { code: 'vote-budget-spent', message: '2 votes at this stage; take one back first' } })
    const decisions = run(spent, ...advance(1), [{ type: 'vote', subject: 'pf-refactor' }, 'ben'], [{ type: 'vote', subject: 'pf-docs' }, 'ben'])
    expect(decisions.votes.ben).toEqual([recipesVote('edit>test'), recipesVote('plan>edit'), decisionsVote('pf-refactor'), decisionsVote('pf-docs')])
    expect(errorOf(decisions, { type: 'vote', subject: 'pf-incidents' }, 'ben')).toBe('vote-budget-spent')
    // Taking back at the decisions stage frees a decisions vote, never a recipe one.
    expect(errorOf(decisions, { type: 'unvote', subject: 'edit>test' }, 'ben')).toBe('not-voted')
  })

  it('records one decision per portfolio at the decisions stage, the latest winning', () => {
    expect(errorOf(fresh(), { type: 'decidePortfolio', decision: keep }, 'ben')).toBe('wrong-stage')
    const decisions = run(fresh(), ...advance(4))
    const decided = run(decisions, [{ type: 'decidePortfolio', decision: keep }, 'ben'], [{ type: 'decidePortfolio', decision: { ...keep, decision: 'keep', nextEnvelope: null } }, 'cy'])
    expect(decided.decisions).toEqual([{ ...keep, decision: 'keep', nextEnvelope: null }])
    expect(errorOf(decisions, { type: 'decidePortfolio', decision: { ...keep, nextEnvelope: { amount: 'lots', currency: 'USD' } } }, 'ben')).toBe('invalid')
    expect(errorOf(decisions, { type: 'decidePortfolio', decision: { ...keep, nextEnvelope: { amount: '10', currency: 'dollars' } } }, 'ben')).toBe('invalid')
    expect(run(decided, [{ type: 'withdrawPortfolioDecision', portfolioId: 'pf-refactor' }, 'ben']).decisions).toEqual([])
  })

  it('decides each recipe candidate once at the recipe stage, a rejection with its reason', () => {
    const recipes = run(fresh(), ...advance(3))
    const reject = { candidateKey: 'edit>test', steps: ['edit', 'test'], action: 'reject' as const, recipeId: null, reason: '' }
    expect(errorOf(recipes, { type: 'decideRecipe', decision: reject }, 'ben')).toBe('invalid')
    const rejected = run(recipes, [{ type: 'decideRecipe', decision: { ...reject, reason: 'too generic' } }, 'ben'])
    expect(rejected.recipeDecisions).toEqual([{ ...reject, reason: 'too generic' }])
    expect(errorOf(rejected, { type: 'decideRecipe', decision: { ...reject, reason: 'again' } }, 'ben')).toBe('already-decided')
    expect(errorOf(recipes, { type: 'decideRecipe', decision: { ...reject, action: 'promote' } }, 'ben')).toBe('invalid')
    expect(errorOf(fresh(), { type: 'decideRecipe', decision: { ...reject, reason: 'x' } }, 'ben')).toBe('wrong-stage')
  })

  it('closes from the summary only, and a closed review is read-only', () => {
    expect(errorOf(run(fresh(), ...advance(4)), { type: 'close', at: AT }, 'ana')).toBe('wrong-stage')
    const closed = run(fresh(), ...advance(5), [{ type: 'close', at: '2026-10-05T11:00:00.000Z' }, 'ana'])
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-10-05T11:00:00.000Z' })
    const attempts: ReviewAction[] = [{ type: 'goBack' }, { type: 'resume' }, { type: 'setNotes', notes: 'late edit' }, { type: 'join' }, { type: 'handOver', to: 'ben' }]
    for (const action of attempts) expect(errorOf(closed, action, 'ana')).toBe('closed')
  })

  it('never changes the review it was given', () => {
    const review = fresh()
    const copy = structuredClone(review)
    run(review, [{ type: 'requestMoveOn' }, 'ben'], [{ type: 'setNotes', notes: 'n' }, 'ben'])
    expect(review).toEqual(copy)
  })

  it('reads an older review without participants', () => {
    const { participants: _p, ...older } = fresh()
    expect(run(Review.parse(older), [{ type: 'join' }, 'ben']).participants).toEqual(['ana', 'ben'])
  })
})

describe('action items', () => {
  const item = { id: 'a1', text: ' Move the docs rules into Web work ', owningTeam: 'Web team', due: '2026-11-30' }

  it('anyone adds one owned by a team with a due day, and can take it back', () => {
    const added = run(fresh(), [{ type: 'addActionItem', item }, 'ben'])
    expect(added.actionItems).toEqual([{ ...item, text: 'Move the docs rules into Web work' }])
    expect(run(added, [{ type: 'removeActionItem', id: 'a1' }, 'cy']).actionItems).toEqual([])
  })

  it('refuses one owned by a person, without a text, or without a real day', () => {
    expect(errorOf(fresh(), { type: 'addActionItem', item: { ...item, owningTeam: 'Jane Doe' } }, 'ben')).toBe('invalid')
    expect(errorOf(fresh(), { type: 'addActionItem', item: { ...item, text: '  ' } }, 'ben')).toBe('invalid')
    expect(errorOf(fresh(), { type: 'addActionItem', item: { ...item, due: 'next week' } }, 'ben')).toBe('invalid')
  })
})

describe('stage timer', () => {
  it('the facilitator time-boxes the current stage; moving on clears it', () => {
    const timed = run(fresh(), [{ type: 'startTimer', minutes: 10, at: AT }, 'ana'])
    expect(timed.stageTimer).toEqual({ stage: 'check-in', minutes: 10, startedAt: AT })
    expect(run(timed, [{ type: 'advance' }, 'ana']).stageTimer).toBeNull()
    expect(run(timed, [{ type: 'stopTimer' }, 'ana']).stageTimer).toBeNull()
  })

  it('only the facilitator sets it, and only to a sensible length', () => {
    expect(errorOf(fresh(), { type: 'startTimer', minutes: 10, at: AT }, 'ben')).toBe('not-facilitator')
    expect(errorOf(fresh(), { type: 'startTimer', minutes: 0, at: AT }, 'ana')).toBe('invalid')
    expect(errorOf(fresh(), { type: 'startTimer', minutes: 600, at: AT }, 'ana')).toBe('invalid')
  })
})
