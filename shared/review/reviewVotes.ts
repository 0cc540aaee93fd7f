import type { Review, Vote, VotingStage } from '../records/review'

export const VOTING_STAGES: readonly VotingStage[] = ['recipes', 'decisions']

export function isVotingStage(stage: string): stage is VotingStage {
  return (VOTING_STAGES as readonly string[]).includes(stage)
}

/**
 * The stage a vote was cast at. Votes kept before stages were recorded carry none: a subject
 * the review knows as a portfolio (decided on, or on a kept scorecard) was a decisions vote,
 * anything else a recipe candidate's.
 */
export function voteStage(review: Review, vote: Vote): VotingStage {
  if ('stage' in vote && vote.stage) return vote.stage
  const portfolioIds = new Set([...review.decisions.map((d) => d.portfolioId), ...(review.snapshot?.scorecards ?? []).map((card) => card.portfolioId)])
  return portfolioIds.has(vote.subject) ? 'decisions' : 'recipes'
}

/** The subjects a participant voted for at a stage, in the order cast. */
export function votesCast(review: Review, participant: string, stage: VotingStage): string[] {
  return (review.votes[participant] ?? []).filter((vote) => voteStage(review, vote) === stage).map((vote) => vote.subject)
}

/** Votes a participant has left at a stage. */
export function votesLeft(review: Review, participant: string, stage: VotingStage): number {
  return Math.max(0, review.voteBudget - votesCast(review, participant, stage).length)
}

/** Votes per subject at a stage, most first. */
export function voteTally(review: Review, stage: VotingStage): [string, number][] {
  const tally = new Map<string, number>()
  for (const participant of Object.keys(review.votes)) {
    for (const subject of votesCast(review, participant, stage)) tally.set(subject, (tally.get(subject) ?? 0) + 1)
  }
  return [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}
