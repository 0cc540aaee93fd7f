import { Review, REVIEW_STAGES } from '../records/review'
import { personLikeOwner } from '../analysis/lints/ownerIsPerson'
import type { ReviewAction, ReviewErrorCode, ReviewResult } from './reviewActions'
import { isVotingStage, voteStage, votesCast } from './reviewVotes'

export const DEFAULT_VOTE_BUDGET = 3

export interface StartReviewInput {
  id: string
  period: string
  facilitator: string
  at: string
  voteBudget?: number
}

/** A new review at stage 1 (check-in & data coverage), facilitated by the person who starts it. */
export function startReview(input: StartReviewInput): Review {
  return {
    id: input.id,
    period: input.period,
    stage: 'check-in',
    status: 'active',
    facilitator: input.facilitator,
    participants: [input.facilitator],
    moveOnRequests: [],
    decisions: [],
    recipeDecisions: [],
    votes: {},
    voteBudget: input.voteBudget ?? DEFAULT_VOTE_BUDGET,
    notes: '',
    startedAt: input.at,
    closedAt: null,
  }
}

const FACILITATOR_ONLY = new Set<ReviewAction['type']>(['advance', 'goBack', 'pause', 'resume', 'close', 'handOver', 'startTimer', 'stopTimer'])
/** What a paused review still accepts: resuming it, and handing it to someone who will. */
const WHILE_PAUSED = new Set<ReviewAction['type']>(['resume', 'handOver', 'takeOver', 'join'])

/**
 * The review as a pure state machine: the next Review, or a typed error saying why not.
 * Closed reviews are read-only; only the facilitator moves between stages, pauses, closes or
 * hands over; anyone else can suggest moving on, vote within the budget and record decisions
 * at their stage. Whoever acts becomes a participant.
 */
export function reviewReducer(review: Review, action: ReviewAction, actor: string): ReviewResult {
  if (review.status === 'closed') return fail('closed', 'this review is closed; past reviews are read-only')
  if (review.status === 'paused' && !WHILE_PAUSED.has(action.type)) return fail('paused', 'the review is paused; the facilitator can resume it')
  if (FACILITATOR_ONLY.has(action.type) && actor !== review.facilitator) return fail('not-facilitator', 'only the facilitator can do this; suggest moving on instead')
  const next = apply(review, action, actor)
  if (!next.ok) return next
  const result = { ...next.review, participants: withParticipant(next.review, actor) }
  // Whatever the action carried (a currency code, an id) must leave a review the document accepts.
  const checked = Review.safeParse(result)
  if (!checked.success) return fail('invalid', checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '))
  return ok(result)
}

function apply(review: Review, action: ReviewAction, actor: string): ReviewResult {
  const stageIndex = REVIEW_STAGES.indexOf(review.stage)
  switch (action.type) {
    case 'join':
      return ok(review)
    case 'advance':
      if (stageIndex === REVIEW_STAGES.length - 1) return fail('no-next-stage', 'the summary is the last stage; close the review instead')
      return ok({ ...review, stage: REVIEW_STAGES[stageIndex + 1], moveOnRequests: [], stageTimer: null })
    case 'goBack':
      if (stageIndex === 0) return fail('no-previous-stage', 'this is the first stage')
      return ok({ ...review, stage: REVIEW_STAGES[stageIndex - 1], moveOnRequests: [], stageTimer: null })
    case 'pause':
      return ok({ ...review, status: 'paused' })
    case 'resume':
      if (review.status !== 'paused') return fail('not-paused', 'the review is not paused')
      return ok({ ...review, status: 'active' })
    case 'close':
      if (review.stage !== 'summary') return fail('wrong-stage', 'close the review from the summary stage')
      return ok({ ...review, status: 'closed', closedAt: action.at, moveOnRequests: [] })
    case 'handOver': {
      const to = action.to.trim()
      if (to === '' || to === review.facilitator) return fail('invalid', 'hand facilitation to someone else')
      return ok({ ...review, facilitator: to, participants: withParticipant(review, to) })
    }
    case 'takeOver':
      // A meeting must never be stuck because its facilitator's laptop went to sleep.
      if (actor === review.facilitator) return fail('invalid', 'you already facilitate this review')
      return ok({ ...review, facilitator: actor })
    case 'requestMoveOn':
      return ok(review.moveOnRequests.includes(actor) ? review : { ...review, moveOnRequests: [...review.moveOnRequests, actor] })
    case 'withdrawMoveOn':
      return ok({ ...review, moveOnRequests: review.moveOnRequests.filter((id) => id !== actor) })
    case 'vote':
      return vote(review, action.subject, actor)
    case 'unvote':
      return unvote(review, action.subject, actor)
    case 'decidePortfolio': {
      if (review.stage !== 'decisions') return fail('wrong-stage', 'portfolio decisions are made at the decisions stage')
      const { decision } = action
      if (decision.decision === 'merge' && (!decision.mergeInto || decision.mergeInto === decision.portfolioId)) return fail('invalid', 'say which portfolio it merges into')
      if (decision.decision === 'split' && !decision.splitInto?.length) return fail('invalid', 'name the new portfolios of the split and the rules each takes')
      const others = review.decisions.filter((d) => d.portfolioId !== decision.portfolioId)
      return ok({ ...review, decisions: [...others, decision] })
    }
    case 'withdrawPortfolioDecision':
      if (review.stage !== 'decisions') return fail('wrong-stage', 'portfolio decisions are made at the decisions stage')
      return ok({ ...review, decisions: review.decisions.filter((d) => d.portfolioId !== action.portfolioId) })
    case 'decideRecipe': {
      if (review.stage !== 'recipes') return fail('wrong-stage', 'recipe candidates are decided at the recipe stage')
      const { decision } = action
      if (review.recipeDecisions.some((d) => d.candidateKey === decision.candidateKey)) {
        return fail('already-decided', 'this candidate was already decided in this review')
      }
      if (decision.action === 'reject' && decision.reason.trim() === '') return fail('invalid', 'say why the candidate is rejected')
      if (decision.action !== 'reject' && !decision.recipeId) return fail('invalid', 'a promoted or merged candidate names its recipe')
      return ok({ ...review, recipeDecisions: [...review.recipeDecisions, decision] })
    }
    case 'setNotes':
      return ok({ ...review, notes: action.notes })
    case 'startTimer':
      return ok({ ...review, stageTimer: { stage: review.stage, minutes: action.minutes, startedAt: action.at } })
    case 'stopTimer':
      return ok({ ...review, stageTimer: null })
    case 'addActionItem': {
      const item = { ...action.item, text: action.item.text.trim(), owningTeam: action.item.owningTeam.trim() }
      if (item.text === '') return fail('invalid', 'say what is to be done')
      const person = personLikeOwner(item.owningTeam)
      if (person) return fail('invalid', `an action item is owned by a team: ${person}`)
      return ok({ ...review, actionItems: [...(review.actionItems ?? []).filter((other) => other.id !== item.id), item] })
    }
    case 'removeActionItem':
      return ok({ ...review, actionItems: (review.actionItems ?? []).filter((item) => item.id !== action.id) })
  }
}

/** A vote counts against the budget of the stage it is cast at. */
function vote(review: Review, subject: string, actor: string): ReviewResult {
  const stage = review.stage
  if (!isVotingStage(stage)) return fail('wrong-stage', 'votes are cast at the recipe and decisions stages')
  const cast = votesCast(review, actor, stage)
  if (cast.includes(subject)) return fail('already-voted', 'you already marked this')
  if (cast.length >= review.voteBudget) return fail('vote-budget-spent', `${review.voteBudget} votes at this stage; take one back first`)
  return ok({ ...review, votes: { ...review.votes, [actor]: [...(review.votes[actor] ?? []), { subject, stage }] } })
}

/** Takes back the vote on a subject, the one cast at this stage when it is a voting stage. */
function unvote(review: Review, subject: string, actor: string): ReviewResult {
  const mine = review.votes[actor] ?? []
  const stage = review.stage
  const taken = mine.find((vote) => vote.subject === subject && (!isVotingStage(stage) || voteStage(review, vote) === stage))
  if (!taken) return fail('not-voted', 'no vote of yours on this to take back')
  return ok({ ...review, votes: { ...review.votes, [actor]: mine.filter((vote) => vote !== taken) } })
}

/** Older reviews carry no participant list: the facilitator was there at least. */
function withParticipant(review: Review, person: string): string[] {
  const participants = review.participants ?? [review.facilitator]
  return participants.includes(person) ? participants : [...participants, person]
}

function ok(review: Review): ReviewResult {
  return { ok: true, review }
}

function fail(code: ReviewErrorCode, message: string): ReviewResult {
  return { ok: false, error: { code, message } }
}
