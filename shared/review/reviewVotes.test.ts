import { describe, expect, it } from 'vitest'
import { Review } from '../records/review'
import { startReview } from './reviewReducer'
import { voteStage, votesLeft, voteTally } from './reviewVotes'

const base = startReview({ id: 'rv-q2', period: '2026-Q2', facilitator: 'ana', at: '2026-07-01T09:00:00.000Z' })
const keep = { portfolioId: 'pf-incidents', decision: 'keep' as const, nextEnvelope: null, note: '' }

describe('votes per stage', () => {
  it('reads a stored review whose votes are bare subject ids, deriving each vote’s stage', () => {
    // As stored before votes were kept per stage: participant → subject ids.
    const stored = { ...base, decisions: [keep], votes: { ana: ['pf-incidents', 'edit>test'], ben: ['pf-incidents', 'plan'] } }
    const review = Review.parse(stored)
    expect(review.votes.ana).toEqual([{ subject: 'pf-incidents' }, { subject: 'edit>test' }])
    expect(review.votes.ana.map((vote) => voteStage(review, vote))).toEqual(['decisions', 'recipes'])
    expect(voteTally(review, 'decisions')).toEqual([['pf-incidents', 2]])
    expect(voteTally(review, 'recipes')).toEqual([['edit>test', 1], ['plan', 1]])
    expect(votesLeft(review, 'ana', 'decisions')).toBe(2)
  })

  it('knows a closed review’s portfolios by its kept scorecards', () => {
    const card = { portfolioId: 'pf-docs', name: 'Docs', spent: {}, envelope: {}, runs: 0, highCostRuns: 0, highCostAnnotated: 0 }
    const snapshot = { takenAt: base.startedAt, coverage: [], scorecards: [card], highCostQueue: [], names: {} }
    const review = Review.parse({ ...base, status: 'closed', snapshot, votes: { ana: ['pf-docs'] } })
    expect(voteTally(review, 'decisions')).toEqual([['pf-docs', 1]])
    expect(voteTally(review, 'recipes')).toEqual([])
  })

  it('tallies each stage apart, most votes first, and counts each stage’s budget apart', () => {
    const review: Review = {
      ...base,
      votes: {
        ana: [{ subject: 'edit>test', stage: 'recipes' }, { subject: 'pf-docs', stage: 'decisions' }, { subject: 'plan>edit', stage: 'recipes' }],
        ben: [{ subject: 'plan>edit', stage: 'recipes' }],
      },
    }
    expect(voteTally(review, 'recipes')).toEqual([['plan>edit', 2], ['edit>test', 1]])
    expect(voteTally(review, 'decisions')).toEqual([['pf-docs', 1]])
    expect(votesLeft(review, 'ana', 'recipes')).toBe(1)
    expect(votesLeft(review, 'ana', 'decisions')).toBe(2)
    expect(votesLeft(review, 'cy', 'decisions')).toBe(3)
  })
})
